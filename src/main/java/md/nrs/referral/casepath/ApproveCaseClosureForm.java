package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The supervisor (NRS coordinator) approves the closure, or keeps the case in monitoring. */
@FormContract(NrsCaseProcess.FORM_APPROVE_CLOSURE)
@RequiredWhen(field = "supervisorComment", when = "closureDecision", is = "continue-monitoring",
    message = "is required when the case stays open")
public record ApproveCaseClosureForm(
    @NotNull(message = "choose approve or keep monitoring") @OneOf({"approve", "continue-monitoring"}) String closureDecision,
    @Size(max = 2000) String supervisorComment) {
}
