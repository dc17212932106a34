package md.nrs.referral.dvpathway;

import java.time.LocalDate;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/dv-pathway.bpmn: the route of a case on the domestic-violence pathway, called by the
 * case process instead of the trafficking path. Consent, the DV risk assessment and screening, then side by
 * side protection order support (Law 45/2007), referral to DV services and, where eligible, the group
 * counselling pilot (victims' groups only: victim and perpetrator never meet).
 */
@ProcessContract
public final class DvPathwayProcess {

  public static final String KEY = "dv-pathway";
  public static final String PATHWAY = "domestic-violence";
  /** The DV pilot's screening table, asked here about the abuser. */
  public static final String SCREENING_DECISION = "dv-risk-screening";

  /** Forms of this process (forms/*.form ids); consent uses the case's own informed-consent form. */
  public static final String FORM_CONSENT = "informed-consent";
  public static final String FORM_RISK_ASSESSMENT = "dv-risk-assessment";
  public static final String FORM_EMERGENCY_RESTRAINING_ORDER = "dv-emergency-restraining-order";
  public static final String FORM_PROTECTION_ORDER = "dv-protection-order";
  public static final String FORM_OFFER_GROUP = "dv-offer-group-counselling";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_DvCaseReferred";
    public static final String CONSENT = "UserTask_DvInformedConsent";
    public static final String ASSISTANCE_REFUSED = "EndEvent_DvAssistanceRefused";
    public static final String RISK_ASSESSMENT = "UserTask_DvRiskAssessment";
    public static final String SCREENING = "BusinessRuleTask_DvScreening";
    public static final String EMERGENCY_RESTRAINING_ORDER = "UserTask_SupportEmergencyRestrainingOrder";
    public static final String PROTECTION_ORDER = "UserTask_SupportProtectionOrder";
    public static final String DV_SERVICES = "CallActivity_DvServices";
    public static final String OFFER_GROUP = "UserTask_OfferGroupCounselling";
    public static final String SUPPORT_ARRANGED = "EndEvent_DvSupportArranged";

    private Elements() {
    }
  }

  // Given by the case process
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  public static final ProcessVariable<String> SEX = ProcessVariable.text("sex");
  public static final ProcessVariable<String> LOCATION = ProcessVariable.text("location");
  public static final ProcessVariable<String> URGENCY = ProcessVariable.text("urgency");
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");

  // From the forms
  public static final ProcessVariable<String> CONSENT_TO_ASSISTANCE = ProcessVariable.text("consentToAssistance");
  public static final ProcessVariable<Boolean> THREATS_TO_KILL = ProcessVariable.flag("threatsToKill");
  public static final ProcessVariable<Boolean> STRANGULATION_OR_WEAPON = ProcessVariable.flag("strangulationOrWeapon");
  public static final ProcessVariable<Boolean> VIOLENCE_ESCALATING = ProcessVariable.flag("violenceEscalating");
  public static final ProcessVariable<Boolean> AGREES_TO_TAKE_PART = ProcessVariable.flag("agreesToTakePart");
  public static final ProcessVariable<Boolean> WANTS_PROTECTION_ORDER = ProcessVariable.flag("wantsProtectionOrder");
  public static final ProcessVariable<String> RESTRAINING_ORDER_OUTCOME = ProcessVariable.text("restrainingOrderOutcome");
  public static final ProcessVariable<LocalDate> RESTRAINING_ORDER_ISSUED_ON = ProcessVariable.date("restrainingOrderIssuedOn");
  public static final ProcessVariable<String> PROTECTION_ORDER_OUTCOME = ProcessVariable.text("protectionOrderOutcome");
  public static final ProcessVariable<LocalDate> APPLICATION_FILED_ON = ProcessVariable.date("applicationFiledOn");
  public static final ProcessVariable<String> GROUP_OFFER = ProcessVariable.text("groupOffer");

  // From the screening table
  public static final ProcessVariable<Boolean> ELIGIBLE_FOR_GROUP = ProcessVariable.flag("eligibleForGroup");
  public static final ProcessVariable<Boolean> HIGH_RISK = ProcessVariable.flag("highRisk");
  public static final ProcessVariable<String> SCREENING_REASON = ProcessVariable.text("screeningReason");

  private DvPathwayProcess() {
  }
}
