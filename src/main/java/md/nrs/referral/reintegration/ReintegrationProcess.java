package md.nrs.referral.reintegration;

import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/reintegration.bpmn: the responsible team plans the reintegration programmes;
 * each chosen programme, in parallel, goes to the agency the routing table names for it, which follows
 * it and reports its outcome; the team then reviews the reintegration as completed or discontinued.
 */
@ProcessContract
public final class ReintegrationProcess {

  /** The education programme: school continuity, always in a child's plan. */
  public static final String EDUCATION = "education";
  public static final String KEY = "reintegration";
  public static final String ROUTING_DECISION = "reintegration-programme-routing";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_PLAN = "plan-reintegration";
  public static final String FORM_FOLLOW_PROGRAMME = "follow-reintegration-programme";
  public static final String FORM_REVIEW = "review-reintegration";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_ReintegrationStarted";
    public static final String PLAN = "UserTask_PlanReintegration";
    /** The multi-instance sub-process: one instance per chosen programme. */
    public static final String PROGRAMME = "SubProcess_Programme";
    public static final String PROGRAMME_CHOSEN = "StartEvent_ProgrammeChosen";
    public static final String ROUTE_PROGRAMME = "BusinessRuleTask_RouteProgramme";
    public static final String NOTIFY_PROGRAMME_AGENCY = "ServiceTask_NotifyProgrammeAgency";
    public static final String FOLLOW_PROGRAMME = "UserTask_FollowProgramme";
    public static final String RECORD_PROGRAMME_OUTCOME = "ServiceTask_RecordProgrammeOutcome";
    public static final String PROGRAMME_REPORTED = "EndEvent_ProgrammeReported";
    public static final String REVIEW = "UserTask_ReviewReintegration";
    public static final String REINTEGRATION_OUTCOME = "Gateway_ReintegrationOutcome";
    public static final String COMPLETED = "EndEvent_ReintegrationCompleted";
    public static final String DISCONTINUED = "EndEvent_ReintegrationDiscontinued";

    private Elements() {
    }
  }

  // Given by the caller (the case process)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  /** Group id of the team responsible for the case, e.g. mdt-chisinau. */
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");

  // From the plan form
  public static final ProcessVariable<List<String>> PROGRAMMES = ProcessVariable.textList("programmes");
  public static final ProcessVariable<String> PLAN_NOTE = ProcessVariable.text("planNote");

  // Local to each programme (one instance of the sub-process)
  public static final ProcessVariable<String> PROGRAMME = ProcessVariable.text("programme");
  public static final ProcessVariable<String> PROGRAMME_AGENCY = ProcessVariable.text("programmeAgency");
  public static final ProcessVariable<String> PROGRAMME_OUTCOME = ProcessVariable.text("programmeOutcome");
  public static final ProcessVariable<String> PROGRAMME_NOTE = ProcessVariable.text("programmeNote");

  /** Kept by the process: one line per programme reported, "programme (agency): outcome", for the review. */
  public static final ProcessVariable<List<String>> PROGRAMME_OUTCOMES = ProcessVariable.textList("programmeOutcomes");

  // From the review form; REINTEGRATION_OUTCOME is what the caller reads
  public static final ProcessVariable<String> REINTEGRATION_OUTCOME = ProcessVariable.text("reintegrationOutcome");
  public static final ProcessVariable<String> REVIEW_NOTE = ProcessVariable.text("reviewNote");

  public static final String OUTCOME_COMPLETED = "completed";
  public static final String OUTCOME_DISCONTINUED = "discontinued";

  private ReintegrationProcess() {
  }
}
