package md.nrs.referral.caseexit;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/case-exit.bpmn: a proposal to end a case at any step, with a reason, by the team on
 * the case; an NRS coordinator (a second person) approves or declines it; an approval ends the case (message
 * {@link md.nrs.referral.casepath.NrsCaseProcess#MESSAGE_CASE_EXIT_APPROVED}), opens a new risk review
 * instead (re-trafficked) or first has the team offer a referral abroad (moved abroad). Business key: the
 * case code.
 */
@ProcessContract
public final class CaseExitProcess {

  public static final String KEY = "case-exit";
  public static final String POLICY_DECISION = "case-exit-policy";
  /** Thrown by the end of the case when there is no open case left to end. */
  public static final String ERROR_CASE_ALREADY_ENDED = "CaseAlreadyEnded";

  public static final String FORM_PROPOSE_EXIT = "propose-case-exit";
  public static final String FORM_APPROVE_EXIT = "approve-case-exit";
  public static final String FORM_OFFER_OUTBOUND_REFERRAL = "offer-outbound-referral";

  /** What the policy table says an approved exit does. */
  public static final String OUTCOME_END_CASE = "end-case";
  public static final String OUTCOME_RISK_REVIEW = "risk-review";
  public static final String OUTCOME_OFFER_OUTBOUND_REFERRAL = "offer-outbound-referral";

  public static final class Elements {
    public static final String EXIT_PROPOSED = "StartEvent_ExitProposed";
    public static final String EXIT_POLICY = "BusinessRuleTask_ExitPolicy";
    public static final String CHECK_PROPOSAL = "ServiceTask_CheckProposal";
    public static final String APPROVE_EXIT = "UserTask_ApproveExit";
    public static final String EXIT_DECLINED = "EndEvent_ExitDeclined";
    public static final String OPEN_NEW_RISK_REVIEW = "ServiceTask_OpenNewRiskReview";
    public static final String NEW_RISK_REVIEW_OPENED = "EndEvent_NewRiskReviewOpened";
    public static final String OFFER_OUTBOUND_REFERRAL = "UserTask_OfferOutboundReferral";
    public static final String END_THE_CASE = "ServiceTask_EndTheCase";
    public static final String CASE_ENDED = "EndEvent_CaseEnded";
    public static final String CASE_ALREADY_ENDED = "BoundaryEvent_CaseAlreadyEnded";
    public static final String NOTHING_TO_END = "EndEvent_NothingToEnd";

    private Elements() {
    }
  }

  // The proposal (start form or POST /api/cases/{code}/exit-proposals)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> EXIT_REASON = ProcessVariable.text("exitReason");
  /** Documented attempts to reach the person (lost contact). */
  public static final ProcessVariable<Integer> CONTACT_ATTEMPTS = ProcessVariable.number("contactAttempts");
  /** The user who proposed it (the start's initiator). */
  public static final ProcessVariable<String> PROPOSED_BY = ProcessVariable.text("proposedBy");
  /** The agency with an open step on the case the proposer spoke for (or nrs-coordinators). */
  public static final ProcessVariable<String> PROPOSING_AGENCY = ProcessVariable.text("proposingAgency");

  // case-exit-policy.dmn
  public static final ProcessVariable<String> EXIT_OUTCOME = ProcessVariable.text("exitOutcome");
  public static final ProcessVariable<Integer> MINIMUM_CONTACT_ATTEMPTS = ProcessVariable.number("minimumContactAttempts");

  // The coordinator's decision, the offer abroad
  public static final ProcessVariable<String> EXIT_DECISION = ProcessVariable.text("exitDecision");
  public static final ProcessVariable<String> COORDINATOR_COMMENT = ProcessVariable.text("coordinatorComment");
  public static final ProcessVariable<String> OUTBOUND_REFERRAL = ProcessVariable.text("outboundReferral");

  private CaseExitProcess() {
  }
}
