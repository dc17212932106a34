package md.nrs.referral.sla;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** What the NRS coordinator did about an overdue step. */
@FormContract(SlaEscalationProcess.FORM_ACT_ON_OVERDUE_STEP)
public record ActOnOverdueStepForm(
    @NotNull(message = "choose what was done") @OneOf({"contacted-agency", "reassigned", "step-done-late", "other"})
    String escalationAction,
    @NotBlank(message = "is required: say what was agreed") @Size(max = 2000) String escalationNote) {
}
