package md.nrs.referral.safetyplan;

import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/safety-plan.bpmn: the risk assessment and individual safety plan of a case, from
 * referral on, reviewed on its review date and whenever a protection step asks for a review.
 */
@ProcessContract
public final class SafetyPlanProcess {

  public static final String KEY = "safety-plan";
  public static final String RISK_LEVEL_DECISION = "safety-risk-level";
  /** Correlated with the case code as business key; {@link #REVIEW_REASON} says why. */
  public static final String MESSAGE_REVIEW = "SafetyPlanReview";

  public static final String FORM_ASSESS_RISKS = "assess-risks";
  public static final String FORM_SAFETY_PLAN = "safety-plan";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_SafetyPlanStarted";
    public static final String ASSESS_RISKS = "UserTask_AssessRisks";
    public static final String RISK_LEVEL = "BusinessRuleTask_RiskLevel";
    public static final String MAKE_PLAN = "UserTask_MakeSafetyPlan";
    public static final String SCHEDULE_REVIEW = "ServiceTask_ScheduleReview";
    public static final String REVIEW_DUE_GATEWAY = "Gateway_ReviewDue";
    public static final String REVIEW_DUE = "TimerEvent_SafetyPlanReviewDue";
    public static final String REVIEW_REQUESTED = "MessageEvent_ReviewRequested";
    public static final String PLAN_ENDED = "EndEvent_SafetyPlanEnded";

    private Elements() {
    }
  }

  // Given at the start (from the case)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  public static final ProcessVariable<String> URGENCY = CaseVariables.URGENCY;
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");

  // The risks assessed (assess-risks form)
  public static final ProcessVariable<Boolean> RISK_TRAFFICKER_CONTACT = ProcessVariable.flag("riskTraffickerContact");
  public static final ProcessVariable<Boolean> RISK_FAMILY = ProcessVariable.flag("riskFamily");
  public static final ProcessVariable<Boolean> RISK_DEBT = ProcessVariable.flag("riskDebt");
  public static final ProcessVariable<Boolean> RISK_HEALTH = ProcessVariable.flag("riskHealth");
  public static final ProcessVariable<Boolean> RISK_SELF_HARM = ProcessVariable.flag("riskSelfHarm");
  public static final ProcessVariable<Boolean> RISK_MEDIA = ProcessVariable.flag("riskMedia");
  /** From safety-risk-level.dmn: high, medium or low. */
  public static final ProcessVariable<String> RISK_LEVEL = ProcessVariable.text("riskLevel");

  // The plan (safety-plan form)
  public static final ProcessVariable<List<String>> SAFETY_MEASURES = ProcessVariable.textList("safetyMeasures");
  public static final ProcessVariable<String> MEASURES_BY = ProcessVariable.text("measuresBy");
  public static final ProcessVariable<LocalDate> MEASURES_DUE_BY = ProcessVariable.date("measuresDueBy");
  public static final ProcessVariable<LocalDate> REVIEW_ON = ProcessVariable.date("reviewOn");
  public static final ProcessVariable<String> PLAN_STATUS = ProcessVariable.text("planStatus");

  // Kept by the process
  /** When the review timer fires: the plan's review date, at the latest the sla-durations.dmn interval. */
  public static final ProcessVariable<String> REVIEW_DUE_AT = ProcessVariable.text("reviewDueAt");
  /** Why a review was requested: safety-incident, before-return, before-shelter-discharge, before-closure. */
  public static final ProcessVariable<String> REVIEW_REASON = ProcessVariable.text("reviewReason");

  private SafetyPlanProcess() {
  }
}
