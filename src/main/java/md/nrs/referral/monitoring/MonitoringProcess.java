package md.nrs.referral.monitoring;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/monitoring.bpmn: periodic follow-up visits by the responsible team on the
 * schedule of processes/monitoring-schedule.dmn. A visit that finds a new risk ends monitoring with
 * the outcome "new-risk" (the case process then goes back to the needs assessment); after the last
 * visit without one, the outcome is "completed". An overdue visit is reported to the NRS coordinators. A child is
 * followed up until the 18th birthday ({@link EighteenthBirthday}), then handed over to adult services (outcome
 * "completed").
 */
@ProcessContract
public final class MonitoringProcess {

  public static final String KEY = "monitoring";
  public static final String SCHEDULE_DECISION = "monitoring-schedule";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_FOLLOW_UP_VISIT = "record-follow-up-visit";
  public static final String FORM_HAND_OVER_TO_ADULT_SERVICES = "hand-over-to-adult-services";

  /** Group that hears about overdue visits. */
  public static final String NRS_COORDINATORS = "nrs-coordinators";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_MonitoringStarted";
    public static final String SCHEDULE = "BusinessRuleTask_MonitoringSchedule";
    public static final String FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
    public static final String FOLLOW_UP_VISIT = "UserTask_FollowUpVisit";
    public static final String VISIT_OVERDUE = "BoundaryEvent_VisitOverdue";
    public static final String NOTIFY_VISIT_OVERDUE = "ServiceTask_NotifyVisitOverdue";
    public static final String OVERDUE_REPORTED = "EndEvent_OverdueReported";
    public static final String NEW_RISK = "Gateway_NewRisk";
    public static final String NEW_RISK_FOUND = "EndEvent_NewRiskFound";
    public static final String COUNT_FOLLOW_UP = "ServiceTask_CountFollowUp";
    public static final String MORE_FOLLOW_UPS_DUE = "Gateway_MoreFollowUpsDue";
    public static final String MONITORING_COMPLETED = "EndEvent_MonitoringCompleted";
    public static final String A_CHILD = "Gateway_AChild";
    public static final String FOLLOW_UP_OR_EIGHTEEN = "Gateway_FollowUpOrEighteen";
    public static final String CHILD_FOLLOW_UP_DUE = "TimerEvent_ChildFollowUpDue";
    public static final String EIGHTEENTH_BIRTHDAY = "TimerEvent_EighteenthBirthday";
    public static final String HAND_OVER_TO_ADULT_SERVICES = "UserTask_HandOverToAdultServices";
    public static final String HANDED_OVER_TO_ADULT_SERVICES = "EndEvent_HandedOverToAdultServices";

    private Elements() {
    }
  }

  // Given by the caller (the case process)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  /**
   * The referral's age band, read from the case (never copied here) only when no date of birth is in the vault, to
   * date the 18th-birthday timer ({@link EighteenthBirthday}).
   */
  public static final ProcessVariable<String> AGE_BAND = ProcessVariable.text("ageBand");
  /** Group id of the team responsible for the case, e.g. mdt-chisinau. */
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");

  // From the schedule table (ISO 8601 durations)
  public static final ProcessVariable<String> FOLLOW_UP_INTERVAL = ProcessVariable.text("followUpInterval");
  public static final ProcessVariable<Integer> FOLLOW_UPS = ProcessVariable.number("followUps");
  public static final ProcessVariable<String> VISIT_OVERDUE_AFTER = ProcessVariable.text("visitOverdueAfter");

  // Kept by the process
  public static final ProcessVariable<Integer> FOLLOW_UPS_DONE = ProcessVariable.number("followUpsDone");
  public static final ProcessVariable<Boolean> MORE_FOLLOW_UPS_DUE = ProcessVariable.flag("moreFollowUpsDue");

  // From the visit form
  public static final ProcessVariable<String> VISITED_ON = ProcessVariable.text("visitedOn");
  public static final ProcessVariable<String> SITUATION = ProcessVariable.text("situation");
  public static final ProcessVariable<Boolean> NEW_RISK = ProcessVariable.flag("newRisk");
  /** What the caller reads when the outcome is "new-risk". */
  public static final ProcessVariable<String> NEW_RISK_NOTE = ProcessVariable.text("newRiskNote");

  /**
   * When the 18th-birthday timer fires: set transient by {@link EighteenthBirthday} just before the timer is created,
   * read by it, never stored (the birthday is personal data).
   */
  public static final ProcessVariable<java.time.Instant> EIGHTEENTH_BIRTHDAY_AT = ProcessVariable.instant("eighteenthBirthdayAt");

  // From the hand-over at 18 (who takes over, when; no personal data)
  public static final ProcessVariable<String> ADULT_SERVICE_TAKING_OVER = ProcessVariable.text("adultServiceTakingOver");
  public static final ProcessVariable<java.time.LocalDate> HANDED_OVER_ON = ProcessVariable.date("handedOverOn");

  /** What the caller reads: "completed" (also after the hand-over at 18) or "new-risk". */
  public static final ProcessVariable<String> MONITORING_OUTCOME = ProcessVariable.text("monitoringOutcome");
  public static final String OUTCOME_COMPLETED = "completed";
  public static final String OUTCOME_NEW_RISK = "new-risk";

  private MonitoringProcess() {
  }
}
