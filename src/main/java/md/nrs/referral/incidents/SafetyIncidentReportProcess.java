package md.nrs.referral.incidents;

import java.time.LocalDate;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/safety-incident-report.bpmn: a safety incident reported from Tasklist by someone working the
 * case, or an NRS coordinator — the same report, and the same rule of who may, as
 * {@code POST /api/cases/{code}/safety-incidents} ({@link CaseIncidents}). Business key: the case code, once accepted.
 * No note: a start form's fields stay in the history, so anything about the person is told in the review.
 */
@ProcessContract
public final class SafetyIncidentReportProcess {

  public static final String KEY = "safety-incident-report";
  public static final String FORM_REPORT_SAFETY_INCIDENT = "report-safety-incident";

  public static final class Elements {
    public static final String INCIDENT_SEEN = "StartEvent_SafetyIncidentSeen";
    public static final String REPORT_ON_CASE = "ServiceTask_ReportIncidentOnCase";
    public static final String REVIEW_OPENED = "EndEvent_UrgentRiskReviewOpened";

    private Elements() {
    }
  }

  // The start form
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** What happened: the closed list of {@link SafetyIncidentRequest#kind()}. */
  public static final ProcessVariable<String> INCIDENT_KIND = ProcessVariable.text("incidentKind");
  public static final ProcessVariable<LocalDate> INCIDENT_OCCURRED_ON = ProcessVariable.date("incidentOccurredOn");
  /** The user who reported (the start's initiator). */
  public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.text("reportedBy");

  // The answer
  /** The incident kept ({@code nrs_case_incident}) and the urgent risk review task it opened. */
  public static final ProcessVariable<String> INCIDENT_ID = ProcessVariable.text("incidentId");
  public static final ProcessVariable<String> REVIEW_TASK_ID = ProcessVariable.text("reviewTaskId");

  private SafetyIncidentReportProcess() {
  }
}
