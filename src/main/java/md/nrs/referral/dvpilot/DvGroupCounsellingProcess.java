package md.nrs.referral.dvpilot;

import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/dv-group-counselling.bpmn: the domestic-violence group-counselling pilot in Chisinau.
 * A caseworker of a pilot agency enrols a victim or a perpetrator into a group of their own kind (victims and
 * perpetrators are never in the same group: the enrolment form refuses it, and the model checks it again with
 * processes/dv-group-kind.dmn); the group's counsellors screen the risk (processes/dv-risk-screening.dmn);
 * an eligible participant follows a cycle of weekly sessions (processes/dv-group-cycle.dmn) with attendance
 * recorded per session, drops out after repeated absence (processes/dv-drop-out.dmn), and is checked on for
 * safety three months after completing the cycle.
 */
@ProcessContract
public final class DvGroupCounsellingProcess {

  public static final String KEY = "dv-group-counselling";
  public static final String GROUP_KIND_DECISION = "dv-group-kind";
  public static final String SCREENING_DECISION = "dv-risk-screening";
  public static final String CYCLE_DECISION = "dv-group-cycle";
  public static final String DROP_OUT_DECISION = "dv-drop-out";

  /** Sessions are held on Chisinau's calendar days. */
  

  /**
   * The agencies whose caseworkers enrol participants (and alone may start this process): the Centre for
   * Assistance and Protection, Chisinau, and the NGO Women's Initiative (DESIGN.md section 5; pilot choice).
   */
  public static final List<String> ENROLLING_AGENCIES = List.of("cap-chisinau", "womens-initiative");

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_ENROL = "dv-enrol-participant";
  public static final String FORM_RISK_SCREENING = "dv-risk-screening";
  public static final String FORM_INDIVIDUAL_SUPPORT = "dv-refer-individual-support";
  public static final String FORM_ATTENDANCE = "dv-record-attendance";
  public static final String FORM_SAFETY_CHECK_IN = "dv-safety-check-in";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_ParticipantEnrolled";
    public static final String ASSIGN_PARTICIPANT_CODE = "ServiceTask_AssignParticipantCode";
    public static final String GROUP_KIND_RULE = "BusinessRuleTask_GroupKindRule";
    public static final String GROUP_OF_THEIR_KIND = "Gateway_GroupOfTheirKind";
    public static final String WRONG_GROUP_REFUSED = "EndEvent_WrongGroupRefused";
    public static final String RISK_SCREENING = "UserTask_RiskScreening";
    public static final String SCREENING_RULE = "BusinessRuleTask_ScreeningRule";
    public static final String ELIGIBLE_FOR_GROUP = "Gateway_EligibleForGroup";
    public static final String HIGH_RISK = "Gateway_HighRisk";
    public static final String REFER_TO_INDIVIDUAL_SUPPORT = "UserTask_ReferToIndividualSupport";
    public static final String NOT_ELIGIBLE = "EndEvent_NotEligible";
    public static final String DECLINED = "EndEvent_DeclinedToTakePart";
    public static final String CYCLE_POLICY = "BusinessRuleTask_CyclePolicy";
    public static final String SCHEDULE_NEXT_SESSION = "ServiceTask_ScheduleNextSession";
    public static final String SESSION_DAY = "TimerEvent_SessionDay";
    public static final String RECORD_ATTENDANCE = "UserTask_RecordAttendance";
    public static final String LEFT_THE_GROUP = "Gateway_LeftTheGroup";
    public static final String WITHDRAWN = "EndEvent_Withdrawn";
    public static final String COUNT_ATTENDANCE = "ServiceTask_CountAttendance";
    public static final String DROP_OUT_RULE = "BusinessRuleTask_DropOutRule";
    public static final String DROPPED_OUT = "Gateway_DroppedOut";
    public static final String DROPPED_OUT_END = "EndEvent_DroppedOut";
    public static final String MORE_SESSIONS_DUE = "Gateway_MoreSessionsDue";
    public static final String CYCLE_COMPLETED = "Event_CycleCompleted";
    public static final String SAFETY_CHECK_IN_DUE = "TimerEvent_SafetyCheckInDue";
    public static final String SAFETY_CHECK_IN = "UserTask_SafetyCheckIn";
    public static final String SAFETY_CONCERN = "Gateway_SafetyConcern";
    public static final String CHECKED_IN_WITH_CONCERN = "EndEvent_CheckedInWithConcern";
    public static final String CHECKED_IN_SAFE = "EndEvent_CheckedInSafe";

    private Elements() {
    }
  }

  // From the enrolment (start) form. The names participantKind and groupId are counted by the statistics.
  /** "victim" or "perpetrator". */
  public static final ProcessVariable<String> PARTICIPANT_KIND = ProcessVariable.text("participantKind");
  public static final String VICTIM = DvGroup.KIND_VICTIM;
  public static final String PERPETRATOR = DvGroup.KIND_PERPETRATOR;
  public static final ProcessVariable<String> GROUP_ID = ProcessVariable.text("groupId");
  /** The NRS case code when the participant is an NRS case; otherwise empty and a pilot code is issued. */
  public static final ProcessVariable<String> NRS_CASE_CODE = ProcessVariable.text("nrsCaseCode");
  public static final ProcessVariable<String> REFERRAL_SOURCE = ProcessVariable.text("referralSource");

  // Set on enrolment from the group directory and the code sequence
  /** The pseudonymous code of the participant: the NRS case code, or a pilot code DV-2026-000012. */
  public static final ProcessVariable<String> PARTICIPANT_CODE = ProcessVariable.text("participantCode");
  /** The same code under the name Tasklist shows on every task ("Case"). */
  public static final ProcessVariable<String> CASE_CODE = ProcessVariable.text("caseCode");
  public static final ProcessVariable<String> GROUP_KIND = ProcessVariable.text("groupKind");
  /** Group id of the agency whose counsellors lead the group: candidate group of every task. */
  public static final ProcessVariable<String> COUNSELLOR_AGENCY = ProcessVariable.text("counsellorAgency");
  public static final ProcessVariable<LocalDate> GROUP_STARTS_ON = ProcessVariable.date("groupStartsOn");
  /** True while the participant holds one of the group's places (enrolled, until the cycle ends). */
  public static final ProcessVariable<Boolean> HOLDS_PLACE = ProcessVariable.flag("holdsGroupPlace");
  /** From dv-group-kind: the group is of the participant's kind. */
  public static final ProcessVariable<Boolean> GROUP_OF_THEIR_KIND = ProcessVariable.flag("groupOfTheirKind");

  // From the risk-screening form
  public static final ProcessVariable<Boolean> AGREES_TO_TAKE_PART = ProcessVariable.flag("agreesToTakePart");
  public static final ProcessVariable<Boolean> THREATS_TO_KILL = ProcessVariable.flag("threatsToKill");
  public static final ProcessVariable<Boolean> STRANGULATION_OR_WEAPON = ProcessVariable.flag("strangulationOrWeapon");
  public static final ProcessVariable<Boolean> VIOLENCE_ESCALATING = ProcessVariable.flag("violenceEscalating");
  public static final ProcessVariable<Boolean> ACTIVE_RESTRAINING_ORDER = ProcessVariable.flag("activeRestrainingOrder");
  // From dv-risk-screening
  public static final ProcessVariable<Boolean> ELIGIBLE_FOR_GROUP = ProcessVariable.flag("eligibleForGroup");
  public static final ProcessVariable<Boolean> HIGH_RISK = ProcessVariable.flag("highRisk");
  /** Why the table decided so, in words of the policy (no personal data). */
  public static final ProcessVariable<String> SCREENING_REASON = ProcessVariable.text("screeningReason");
  // From the individual-support form
  public static final ProcessVariable<String> REFERRED_TO = ProcessVariable.text("referredTo");

  // From dv-group-cycle (policy defaults)
  public static final ProcessVariable<Integer> SESSIONS = ProcessVariable.number("sessions");
  /** ISO 8601 period between sessions, e.g. P7D. */
  public static final ProcessVariable<String> SESSION_INTERVAL = ProcessVariable.text("sessionInterval");
  /** ISO 8601 duration from the end of the cycle to the safety check-in, e.g. P3M. */
  public static final ProcessVariable<String> CHECK_IN_AFTER = ProcessVariable.text("checkInAfter");

  // Kept by the process
  public static final ProcessVariable<Integer> SESSION_NUMBER = ProcessVariable.number("sessionNumber");
  /** When the next session's attendance falls due (ISO 8601 instant): the session-day timer's date. */
  public static final ProcessVariable<String> NEXT_SESSION_AT = ProcessVariable.text("nextSessionAt");
  /** Counted by the statistics. */
  public static final ProcessVariable<Integer> SESSIONS_ATTENDED = ProcessVariable.number("sessionsAttended");
  public static final ProcessVariable<Integer> TOTAL_ABSENCES = ProcessVariable.number("totalAbsences");
  public static final ProcessVariable<Integer> CONSECUTIVE_ABSENCES = ProcessVariable.number("consecutiveAbsences");
  public static final ProcessVariable<Boolean> MORE_SESSIONS_DUE = ProcessVariable.flag("moreSessionsDue");
  /** From dv-drop-out. */
  public static final ProcessVariable<Boolean> DROP_OUT = ProcessVariable.flag("dropOut");

  // From the attendance form
  public static final ProcessVariable<Boolean> ATTENDED = ProcessVariable.flag("attended");
  public static final ProcessVariable<Boolean> LEFT_PROGRAMME = ProcessVariable.flag("leftProgramme");

  // From the safety check-in form
  public static final ProcessVariable<Boolean> REACHED = ProcessVariable.flag("reached");
  public static final ProcessVariable<Boolean> SAFETY_CONCERN = ProcessVariable.flag("safetyConcern");
  public static final ProcessVariable<String> ACTION_TAKEN = ProcessVariable.text("actionTaken");

  /** What the statistics count: completed, dropped-out, not-eligible or withdrawn. */
  public static final ProcessVariable<String> COUNSELLING_OUTCOME = ProcessVariable.text("counsellingOutcome");
  public static final String OUTCOME_COMPLETED = "completed";
  public static final String OUTCOME_DROPPED_OUT = "dropped-out";
  public static final String OUTCOME_NOT_ELIGIBLE = "not-eligible";
  public static final String OUTCOME_WITHDRAWN = "withdrawn";

  private DvGroupCounsellingProcess() {
  }
}
