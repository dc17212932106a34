package md.nrs.referral.dvpilot;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The safety check-in after the cycle: whether contact was made, whether there is a safety concern (for a
 * perpetrator's cycle: about the partner's safety), and if so what the counsellors did about it.
 */
@FormContract(DvGroupCounsellingProcess.FORM_SAFETY_CHECK_IN)
@RequiredWhen(field = "actionTaken", when = "safetyConcern", is = "true",
    message = "is required when there is a safety concern: say what was done")
public record SafetyCheckInForm(
    @NotNull(message = "say whether contact was made") Boolean reached,
    @NotNull(message = "say whether there is a safety concern") Boolean safetyConcern,
    @OneOf({"individual-counselling", "protection-order", "shelter", "mdt-case-conference", "police-informed"})
    String actionTaken) {
}
