package md.nrs.referral.justice;

import java.time.LocalDate;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/criminal-justice.bpmn (OSCE NRM pillar 4, issue 18 item 1): started when the person
 * consents to inform law enforcement, never a condition of assistance (the case path does not wait for it).
 * The referral to the police through the outbox (case code only), the police's answer (criminal case opened and
 * its number, or not), support in the proceedings (lawyer, legal aid, protection measures, hearings with a
 * reminder to the supporting agency before each), the outcome, and the compensation claim until paid or
 * refused. A withdrawal of the consent ends it and tells the police once.
 */
@ProcessContract
public final class CriminalJusticeProcess {

  public static final String KEY = "criminal-justice";

  /** Messages the consent listener sends (business key: the case code). */
  public static final String MESSAGE_CONSENT_GIVEN = "Message_LawEnforcementConsentGiven";
  public static final String MESSAGE_CONSENT_WITHDRAWN = "Message_LawEnforcementConsentWithdrawn";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_POLICE_ANSWER = "answer-police-referral";
  public static final String FORM_SUPPORT_PROCEEDINGS = "support-criminal-proceedings";
  public static final String FORM_FOLLOW_COMPENSATION = "follow-compensation-claim";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_LawEnforcementConsentGiven";
    /** Within the case's recovery and reflection period the referral to the police waits for its end. */
    public static final String DURING_REFLECTION_PERIOD = "Gateway_DuringReflectionPeriod";
    public static final String REFLECTION_PERIOD_OVER = "TimerEvent_ReflectionPeriodOver";
    public static final String REFER_TO_POLICE = "ServiceTask_ReferToPolice";
    public static final String REFERRAL_SENT = "Gateway_ReferralSent";
    public static final String NOT_REFERRED = "EndEvent_NotReferred";
    public static final String POLICE_ANSWER = "UserTask_PoliceAnswer";
    public static final String CRIMINAL_CASE_OPENED = "Gateway_CriminalCaseOpened";
    public static final String NO_CRIMINAL_CASE = "EndEvent_NoCriminalCase";
    public static final String SUPPORT_PROCEEDINGS = "UserTask_SupportProceedings";
    public static final String PROCEEDINGS_NEXT = "Gateway_ProceedingsNext";
    public static final String SCHEDULE_HEARING = "ServiceTask_ScheduleHearing";
    public static final String HEARING_REMINDER = "IntermediateTimer_HearingReminder";
    public static final String REMIND_OF_HEARING = "ServiceTask_RemindOfHearing";
    public static final String HEARING_DAY = "IntermediateTimer_HearingDay";
    public static final String COMPENSATION_CLAIMED = "Gateway_CompensationClaimed";
    public static final String PROCEEDINGS_ENDED = "EndEvent_ProceedingsEnded";
    public static final String FOLLOW_COMPENSATION = "UserTask_FollowCompensationClaim";
    public static final String COMPENSATION_STATUS = "Gateway_CompensationStatus";
    public static final String COMPENSATION_PAID = "EndEvent_CompensationPaid";
    public static final String COMPENSATION_REFUSED = "EndEvent_CompensationRefused";
    public static final String CONSENT_WITHDRAWN = "StartEvent_ConsentWithdrawn";
    public static final String TELL_POLICE_CONSENT_WITHDRAWN = "ServiceTask_TellPoliceConsentWithdrawn";
    public static final String SHARING_STOPPED = "EndEvent_SharingStopped";

    private Elements() {
    }
  }

  // Set at the start
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** The law-enforcement agency referred to (CCTP unless configured otherwise). */
  public static final ProcessVariable<String> POLICE_AGENCY = ProcessVariable.text("policeAgency");
  /** The agency that supports the person in the proceedings: the one that recorded the consent. */
  public static final ProcessVariable<String> SUPPORTING_AGENCY = ProcessVariable.text("supportingAgency");
  /**
   * The case's reflection period is still running and the person did not ask for the police now: the referral
   * waits until {@link #REFLECTION_PERIOD_ENDS_AT} (the case's reflectionPeriodEndsAt).
   */
  public static final ProcessVariable<Boolean> WAIT_FOR_REFLECTION_PERIOD = ProcessVariable.flag("waitForReflectionPeriod");
  public static final ProcessVariable<String> REFLECTION_PERIOD_ENDS_AT = ProcessVariable.text("reflectionPeriodEndsAt");
  public static final ProcessVariable<Boolean> REFERRED_TO_POLICE = ProcessVariable.flag("referredToPolice");

  // The police's answer
  public static final ProcessVariable<Boolean> CRIMINAL_CASE_OPENED = ProcessVariable.flag("criminalCaseOpened");
  /** The criminal case's number as the police give it: a file number, not personal data. */
  public static final ProcessVariable<String> CRIMINAL_CASE_NUMBER = ProcessVariable.text("criminalCaseNumber");

  // Proceedings support (each round of the support task)
  public static final ProcessVariable<Boolean> LAWYER_ASSIGNED = ProcessVariable.flag("lawyerAssigned");
  public static final ProcessVariable<Boolean> LEGAL_AID = ProcessVariable.flag("legalAid");
  public static final ProcessVariable<Boolean> PROTECTION_REQUESTED = ProcessVariable.flag("protectionRequested");
  public static final ProcessVariable<Boolean> PROTECTION_GRANTED = ProcessVariable.flag("protectionGranted");
  /** {@code hearing} (a hearing is scheduled) or {@code outcome} (the proceedings ended). */
  public static final ProcessVariable<String> PROCEEDINGS_NEXT = ProcessVariable.text("proceedingsNext");
  /** ISO date of the next hearing (yyyy-MM-dd); it may not be in the past. */
  public static final ProcessVariable<LocalDate> HEARING_DATE = ProcessVariable.date("hearingDate");
  /** ISO-8601 date-time with offset: the hearing (09:00 Chisinau) and the reminder before it. */
  public static final ProcessVariable<String> HEARING_AT = ProcessVariable.text("hearingAt");
  public static final ProcessVariable<String> HEARING_REMINDER_AT = ProcessVariable.text("hearingReminderAt");
  public static final ProcessVariable<String> PROCEEDINGS_OUTCOME = ProcessVariable.text("proceedingsOutcome");
  /**
   * Compensation claimed: {@code none}, {@code offender} (civil claim in the criminal case), {@code state} (financial
   * compensation by the state, Law 137/2016) or {@code offender-and-state}.
   */
  public static final ProcessVariable<String> COMPENSATION_CLAIMED = ProcessVariable.text("compensationClaimed");

  // Compensation follow-up
  public static final ProcessVariable<String> COMPENSATION_STATUS = ProcessVariable.text("compensationStatus");
  public static final ProcessVariable<String> COMPENSATION_NOTE = ProcessVariable.text("compensationNote");

  public static final String NEXT_HEARING = "hearing";
  public static final String NEXT_OUTCOME = "outcome";

  private CriminalJusticeProcess() {
  }
}
