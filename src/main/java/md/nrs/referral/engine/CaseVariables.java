package md.nrs.referral.engine;

/**
 * The variables every case's process carries under the same name, read by code that serves all processes
 * (the audit of completed tasks, the SLA watch, the due dates, the case code on every task). Each process
 * contract names the same variables as its own ({@code XxxProcess.CASE_CODE} is {@link #CASE_CODE}).
 */
public final class CaseVariables {

  /** The NRS case code (NRS-yyyy-n), also the business key of every process of the case. */
  public static final ProcessVariable<String> CASE_CODE = ProcessVariable.text("caseCode");
  /** The triage's urgency of the case: a fact of the SLA durations table. */
  public static final ProcessVariable<String> URGENCY = ProcessVariable.text("urgency");
  /** Whether the person is a minor: a fact of the SLA durations table and of several policies. */
  public static final ProcessVariable<Boolean> MINOR = ProcessVariable.flag("minor");

  private CaseVariables() {
  }
}
