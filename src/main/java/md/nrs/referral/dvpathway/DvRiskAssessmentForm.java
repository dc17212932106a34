package md.nrs.referral.dvpathway;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;

/**
 * The DV risk assessment: the lethality indicators of the DV screening, asked about the abuser, whether the
 * person wants a protection order, and whether they would join a victims' counselling group.
 */
@FormContract(DvPathwayProcess.FORM_RISK_ASSESSMENT)
public record DvRiskAssessmentForm(
    @NotNull(message = "answer the question on threats to kill") Boolean threatsToKill,
    @NotNull(message = "answer the question on strangulation or weapons") Boolean strangulationOrWeapon,
    @NotNull(message = "answer the question on escalating violence") Boolean violenceEscalating,
    @NotNull(message = "say whether the person wants a protection order") Boolean wantsProtectionOrder,
    @NotNull(message = "say whether the participant agrees to take part") Boolean agreesToTakePart) {
}
