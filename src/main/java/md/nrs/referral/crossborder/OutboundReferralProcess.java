package md.nrs.referral.crossborder;

import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/outbound-referral.bpmn: a caseworker asks a partner abroad (e.g. Veritas,
 * Ukraine) to assist the person of an NRS case. Consent to share with that partner first; the request
 * through the outbox; the partner's answer (Tasklist or signed callback) within the SLA table's time
 * limit; a coordinator chases, names another partner or withdraws. After the partner accepts, it records
 * what it did (assisted, return organised, not reached) by a due date from the SLA table, and the case's
 * responsible team is told.
 */
@ProcessContract
public final class OutboundReferralProcess {

  public static final String KEY = "outbound-referral";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_REQUEST = "request-partner-assistance";
  public static final String FORM_PARTNER_ANSWER = "answer-partner-request";
  public static final String FORM_FOLLOW_UP = "follow-up-partner-request";
  public static final String FORM_PARTNER_OUTCOME = "record-partner-outcome";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_PartnerAssistanceRequested";
    public static final String CHECK_CASE = "ServiceTask_CheckCase";
    public static final String CHECK_SHARING_CONSENT = "ServiceTask_CheckSharingConsent";
    public static final String CONSENT_TO_SHARE = "Gateway_ConsentToShare";
    public static final String TELL_REQUESTER_NO_CONSENT = "ServiceTask_TellRequesterNoConsent";
    public static final String NOT_SENT_WITHOUT_CONSENT = "EndEvent_NotSentWithoutConsent";
    public static final String SET_ANSWER_DEADLINE = "ServiceTask_SetAnswerDeadline";
    public static final String SEND_REQUEST = "ServiceTask_SendRequestToPartner";
    public static final String PARTNER_ANSWER = "UserTask_PartnerAnswer";
    public static final String ANSWER_OVERDUE = "BoundaryEvent_AnswerOverdue";
    public static final String PARTNER_ACCEPTED = "Gateway_PartnerAccepted";
    public static final String TELL_REQUESTER_PARTNER_ASSISTS = "ServiceTask_TellRequesterPartnerAssists";
    public static final String SET_OUTCOME_DEADLINE = "ServiceTask_SetOutcomeDeadline";
    public static final String RECORD_PARTNER_OUTCOME = "UserTask_RecordPartnerOutcome";
    public static final String OUTCOME_OVERDUE = "BoundaryEvent_OutcomeOverdue";
    public static final String TELL_REQUESTER_OUTCOME_OVERDUE = "ServiceTask_TellRequesterOutcomeOverdue";
    public static final String OUTCOME_CHASED = "EndEvent_OutcomeChased";
    public static final String TELL_RESPONSIBLE_TEAM_OUTCOME = "ServiceTask_TellResponsibleTeamOutcome";
    public static final String OUTCOME_RECORDED = "EndEvent_OutcomeRecorded";
    public static final String FOLLOW_UP = "UserTask_FollowUpPartnerRequest";
    public static final String COORDINATOR_DECISION = "Gateway_CoordinatorDecision";
    public static final String REQUEST_WITHDRAWN = "EndEvent_RequestWithdrawn";

    private Elements() {
    }
  }

  // Start form
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> PARTNER_AGENCY = ProcessVariable.text("partnerAgency");
  public static final ProcessVariable<List<String>> ASSISTANCE_NEEDED = ProcessVariable.textList("assistanceNeeded");
  public static final ProcessVariable<String> REQUEST_NOTE = ProcessVariable.text("requestNote");
  /** The user who started the request (the start event's initiator). */
  public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.text("requestedBy");

  // Kept by the process
  public static final ProcessVariable<String> REQUESTING_AGENCY = ProcessVariable.text("requestingAgency");
  public static final ProcessVariable<Boolean> CONSENT_TO_SHARE = ProcessVariable.flag("consentToShare");
  /** ISO-8601 date-time with offset: the partner's answer is due then (task due date and timer). */
  public static final ProcessVariable<String> ANSWER_DUE_AT = ProcessVariable.text("answerDueAt");
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("outboundOutcome");
  /** ISO-8601 date-time with offset: the partner's outcome is due then (task due date and reminder timer). */
  public static final ProcessVariable<String> OUTCOME_DUE_AT = ProcessVariable.text("outcomeDueAt");

  // Partner's answer, coordinator's follow-up
  public static final ProcessVariable<String> PARTNER_ANSWER = ProcessVariable.text("partnerAnswer");
  public static final ProcessVariable<String> PARTNER_NOTE = ProcessVariable.text("partnerNote");
  public static final ProcessVariable<String> COORDINATOR_DECISION = ProcessVariable.text("coordinatorDecision");
  public static final ProcessVariable<String> COORDINATOR_NOTE = ProcessVariable.text("coordinatorNote");

  // What the partner did after accepting (Tasklist or signed callback)
  public static final ProcessVariable<String> PARTNER_OUTCOME = ProcessVariable.text("partnerOutcome");
  public static final ProcessVariable<String> PARTNER_OUTCOME_NOTE = ProcessVariable.text("whatWasDoneNote");

  public static final String OUTCOME_NO_CONSENT = "not-sent-no-consent";
  public static final String OUTCOME_PARTNER_ASSISTS = "partner-assists";
  /** The partner's recorded outcomes: the final {@link #OUTCOME} of an accepted request. */
  public static final String OUTCOME_ASSISTED = "assisted";
  public static final String OUTCOME_RETURN_ORGANISED = "return-organised";
  public static final String OUTCOME_NOT_REACHED = "not-reached";

  private OutboundReferralProcess() {
  }
}
