package md.nrs.referral.dvpilot;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;
import md.nrs.referral.forms.ShownFromProcess;

/**
 * Risk screening by the group's counsellors before the first session: consent to take part and the lethality
 * indicators (asked of a victim about the abuser, of a perpetrator about their own conduct), and for a
 * perpetrator whether a restraining or protection order is in force. processes/dv-risk-screening.dmn decides.
 */
@FormContract(DvGroupCounsellingProcess.FORM_RISK_SCREENING)
@RequiredWhen(field = "activeRestrainingOrder", when = "participantKind", is = "perpetrator",
    message = "say whether a restraining or protection order is in force")
public record RiskScreeningForm(
    @ShownFromProcess @OneOf({"victim", "perpetrator"}) String participantKind,
    @NotNull(message = "say whether the participant agrees to take part") Boolean agreesToTakePart,
    @NotNull(message = "answer the question on threats to kill") Boolean threatsToKill,
    @NotNull(message = "answer the question on strangulation or weapons") Boolean strangulationOrWeapon,
    @NotNull(message = "answer the question on escalating violence") Boolean violenceEscalating,
    Boolean activeRestrainingOrder) {
}
