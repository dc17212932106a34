package md.nrs.referral.custody;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/case-transfer.bpmn: the team that has a case (or one of its services) asks another team
 * of the directory to take it over, with a reason code; the receiving team accepts or declines; on acceptance the
 * case's open steps are handed over (re-targeted to the new team, the old team's access to them ends) and the
 * chain of custody gets an entry. Business key: the case code.
 */
@ProcessContract
public final class CaseTransferProcess {

  public static final String KEY = "case-transfer";

  public static final String FORM_REQUEST_TRANSFER = "request-case-transfer";
  public static final String FORM_ACCEPT_TRANSFER = "accept-case-transfer";

  /** The scope of a transfer of the whole case; any other scope is the service type of one running service. */
  public static final String SCOPE_CASE = "case";

  public static final class Elements {
    public static final String TRANSFER_REQUESTED = "StartEvent_TransferRequested";
    public static final String CHECK_REQUEST = "ServiceTask_CheckTransferRequest";
    public static final String ACCEPT_TRANSFER = "UserTask_AcceptTransfer";
    public static final String HAND_OVER = "ServiceTask_HandOverCase";
    public static final String CASE_HANDED_OVER = "EndEvent_CaseHandedOver";
    public static final String TELL_REQUESTER_DECLINED = "ServiceTask_TellRequesterDeclined";
    public static final String TRANSFER_DECLINED = "EndEvent_TransferDeclined";
    public static final String NOTHING_TO_HAND_OVER = "BoundaryEvent_NothingToHandOver";
    public static final String CASE_NO_LONGER_OPEN = "EndEvent_CaseNoLongerOpen";

    private Elements() {
    }
  }

  /** Thrown by the hand-over when the case (or the service) ended while the receiving team decided. */
  public static final String ERROR_NOTHING_TO_HAND_OVER = "NothingToHandOver";

  // The request (start form or POST /api/cases/{code}/transfers)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** "case", or the service type of one running assistance service (legal, medical, ...). */
  public static final ProcessVariable<String> TRANSFER_SCOPE = ProcessVariable.text("transferScope");
  /** The receiving agency or team (a group id of the directory). */
  public static final ProcessVariable<String> TO_TEAM = ProcessVariable.text("toTeam");
  public static final ProcessVariable<String> TRANSFER_REASON = ProcessVariable.text("transferReason");
  /** The user who asked (the start's initiator). */
  public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.text("requestedBy");
  /** The team that has the case (or the service) now, as the check found it. */
  public static final ProcessVariable<String> FROM_TEAM = ProcessVariable.text("fromTeam");

  // The receiving team's answer
  public static final ProcessVariable<String> TRANSFER_DECISION = ProcessVariable.text("transferDecision");
  public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.text("declineReason");
  /** How many open steps were handed over. */
  public static final ProcessVariable<Integer> STEPS_HANDED_OVER = ProcessVariable.number("stepsHandedOver");

  private CaseTransferProcess() {
  }
}
