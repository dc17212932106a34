package md.nrs.referral.reporting;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/reporting-deadlines.bpmn: the NRS periodic reports (DESIGN.md section 4). One yearly timer
 * (Camunda 7 allows one timer start event per process) fires on 2 January and 2 July at 08:00; the reporting calendar
 * says which reports fall due that month, and each becomes a task for the NRS coordinators, in its own instance of
 * a parallel multi-instance sub-process: the providers' annual report to the NRS coordination unit (31 January,
 * Government Decision 898/2015) and the annual and half-year reports to the Permanent Secretariat (15 January and
 * 15 July, Government Decision 461/2018). Not called by other processes and not startable from the tasklist.
 */
@ProcessContract
public final class ReportingDeadlinesProcess {

  public static final String KEY = "reporting-deadlines";
  public static final String CALENDAR_DECISION = "reporting-calendar";
  public static final String REPORTS_DUE_DECISION = "reports-due";

  /** The group that receives every reporting task. */
  public static final String RESPONSIBLE_GROUP = "nrs-coordinators";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_PROVIDER_ANNUAL = "collect-provider-annual-reports";
  public static final String FORM_SECRETARIAT_HALF_YEAR = "send-half-year-report";
  public static final String FORM_SECRETARIAT_ANNUAL = "send-annual-report";

  /** The report kinds, as the reporting calendar spells them. */
  public static final String KIND_PROVIDER_ANNUAL = "provider-annual";
  public static final String KIND_SECRETARIAT_HALF_YEAR = "secretariat-half-year";
  public static final String KIND_SECRETARIAT_ANNUAL = "secretariat-annual";

  /** When the timer fires: 08:00 on 2 January and 2 July (Quartz-like cron, seconds first, server time zone). */
  public static final String TIMER_CYCLE = "0 0 8 2 1,7 ?";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String REPORTING_DATES_REACHED = "StartEvent_ReportingDatesReached";
    public static final String NOTE_REPORTING_MONTH = "ServiceTask_NoteReportingMonth";
    public static final String REPORTS_DUE = "BusinessRuleTask_ReportsDue";
    /** Parallel multi-instance over the reports due, element variable reportKind. */
    public static final String REPORT_DUE = "SubProcess_ReportDue";
    public static final String REPORT_DUE_START = "StartEvent_ReportDue";
    public static final String REPORT_DEADLINE = "BusinessRuleTask_ReportDeadline";
    public static final String SET_REPORT_DUE_DATE = "ServiceTask_SetReportDueDate";
    public static final String WHICH_REPORT = "Gateway_WhichReport";
    public static final String PROVIDER_ANNUAL_REPORT = "UserTask_ProviderAnnualReport";
    public static final String SECRETARIAT_HALF_YEAR_REPORT = "UserTask_SecretariatHalfYearReport";
    public static final String SECRETARIAT_ANNUAL_REPORT = "UserTask_SecretariatAnnualReport";
    public static final String REPORT_DONE = "Gateway_ReportDone";
    public static final String REPORT_SUBMITTED = "EndEvent_ReportSubmitted";
    public static final String REPORTS_SUBMITTED = "EndEvent_ReportsSubmitted";

    private Elements() {
    }
  }

  // Kept by the process
  public static final ProcessVariable<Integer> REPORTING_MONTH = ProcessVariable.number("reportingMonth");
  public static final ProcessVariable<java.util.List<String>> REPORTS_DUE = ProcessVariable.textList("reportsDue");

  // Local to each report (declared on the sub-process): its kind, and its deadline from the reporting calendar
  public static final ProcessVariable<String> REPORT_KIND = ProcessVariable.text("reportKind");
  public static final ProcessVariable<Integer> DUE_MONTH = ProcessVariable.number("dueMonth");
  public static final ProcessVariable<Integer> DUE_DAY = ProcessVariable.number("dueDay");
  public static final ProcessVariable<String> DUE_TIME = ProcessVariable.text("dueTime");
  public static final ProcessVariable<String> REPORT_BASIS = ProcessVariable.text("reportBasis");

  /**
   * Kept by the process: the reporting task's due date (camunda:dueDate="${reportDueDate}"), as an ISO 8601 date
   * and time with its UTC offset (e.g. 2027-01-15T17:00:00+02:00), which the engine parses into the task's due date.
   * Text rather than a Date because ProcessVariable has no date type.
   */
  public static final ProcessVariable<String> REPORT_DUE_DATE = ProcessVariable.text("reportDueDate");

  // From the forms (the same three fields in each; local to each report)
  public static final ProcessVariable<String> REPORT_REFERENCE = ProcessVariable.text("reportReference");
  public static final ProcessVariable<String> SUBMITTED_ON = ProcessVariable.text("submittedOn");
  public static final ProcessVariable<String> REPORT_NOTE = ProcessVariable.text("reportNote");

  private ReportingDeadlinesProcess() {
  }
}
