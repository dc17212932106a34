package md.nrs.referral.safetyplan;

import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.ShownFromProcess;

/** The risks the case team sees for the person, each yes or no: safety-risk-level.dmn makes the level of them. */
@FormContract(SafetyPlanProcess.FORM_ASSESS_RISKS)
public record AssessRisksForm(
    @ShownFromProcess String reviewReason,
    boolean riskTraffickerContact,
    boolean riskFamily,
    boolean riskDebt,
    boolean riskHealth,
    boolean riskSelfHarm,
    boolean riskMedia) {
}
