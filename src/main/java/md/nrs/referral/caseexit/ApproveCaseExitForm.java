package md.nrs.referral.caseexit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The NRS coordinator (not the proposer) approves ending the case, or declines with a comment. */
@FormContract(CaseExitProcess.FORM_APPROVE_EXIT)
@RequiredWhen(field = "coordinatorComment", when = "exitDecision", is = "decline", message = "is required when the case stays open")
public record ApproveCaseExitForm(
    @NotNull(message = "choose approve or decline") @OneOf({"approve", "decline"}) String exitDecision,
    @Size(max = 2000) String coordinatorComment) {
}
