package md.nrs.referral.reopening;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/case-reopening.bpmn: a closed case reopened by the team that had it or an NRS coordinator,
 * with a reason, within the retention period — the same case code, a new nrs-case instance linked to the closed one.
 * Business key: the case code. The variables below marked "on the reopened case" are set on that new nrs-case
 * instance.
 */
@ProcessContract
public final class CaseReopeningProcess {

  public static final String KEY = "case-reopening";
  public static final String FORM_REOPEN_CASE = "reopen-case";

  public static final class Elements {
    public static final String REOPENING_REQUESTED = "StartEvent_ReopeningRequested";
    public static final String CHECK_REQUEST = "ServiceTask_CheckReopeningRequest";
    public static final String REOPEN_CASE = "ServiceTask_ReopenCase";
    public static final String CASE_REOPENED = "EndEvent_CaseReopened";

    private Elements() {
    }
  }

  // The request (start form or POST /api/cases/{code}/reopenings)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> REOPENING_REASON = ProcessVariable.text("reopeningReason");
  /** Where the person is now (moldova, transnistria, abroad); empty: where the closed case last had them. */
  public static final ProcessVariable<String> LOCATION = ProcessVariable.text("location");
  /** The user who asked (the start's initiator). */
  public static final ProcessVariable<String> REOPENED_BY = ProcessVariable.text("reopenedBy");

  // On the reopened case (and on this process, for its history)
  /** How many times the case has been reopened: 1 for the first reopening. */
  public static final ProcessVariable<Integer> REOPENING = ProcessVariable.number("reopening");
  /** The nrs-case instance that was closed. */
  public static final ProcessVariable<String> REOPENED_FROM = ProcessVariable.text("reopenedFrom");
  /** The nrs-case instance started by the reopening. */
  public static final ProcessVariable<String> REOPENED_CASE = ProcessVariable.text("reopenedCase");

  private CaseReopeningProcess() {
  }
}
