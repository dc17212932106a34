package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The NRS coordinator approves the plan or returns it with a comment. */
@FormContract(NrsCaseProcess.FORM_APPROVE_PLAN)
@RequiredWhen(field = "coordinatorComment", when = "planDecision", is = "return", message = "is required when the plan is returned")
public record ApproveAssistancePlanForm(
    @NotNull(message = "choose approve or return") @OneOf({"approve", "return"}) String planDecision,
    @Size(max = 2000) String coordinatorComment) {
}
