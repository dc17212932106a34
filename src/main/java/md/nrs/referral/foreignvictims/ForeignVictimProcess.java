package md.nrs.referral.foreignvictims;

import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/foreign-victim.bpmn (issue 18 item 2): a foreign national identified as a victim in Moldova.
 * Started when the identification interview records a nationality other than Moldovan for an identified or presumed
 * victim; beside the case path, never a condition of its assistance. An interpreter asked for where needed; the
 * provisional stay right (Law 200/2010 as amended by Law 236/2012: six months, renewable) with a renewal timer; the
 * return risk and the person's wish; then the assisted return to the country of origin with IOM and a partner there
 * (a child only after the guardianship authority's best-interests determination) or local integration.
 */
@ProcessContract
public final class ForeignVictimProcess {

  public static final String KEY = "foreign-victim";

  /** Message the identification listener sends (business key: the case code). */
  public static final String MESSAGE_IDENTIFIED = "Message_ForeignVictimIdentified";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_PROVISIONAL_STAY = "apply-provisional-stay";
  public static final String FORM_RENEW_STAY = "renew-provisional-stay";
  public static final String FORM_RETURN_OR_STAY = "assess-return-or-stay";
  public static final String FORM_ASSISTED_RETURN = "organise-assisted-return";
  public static final String FORM_LOCAL_INTEGRATION = "plan-local-integration";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_ForeignVictimIdentified";
    public static final String INTERPRETER_NEEDED = "Gateway_InterpreterNeeded";
    public static final String ASK_FOR_INTERPRETER = "ServiceTask_AskForInterpreter";
    public static final String PROVISIONAL_STAY = "UserTask_ApplyForProvisionalStay";
    public static final String STAY_GRANTED = "Gateway_StayGranted";
    public static final String SCHEDULE_STAY_RENEWAL = "ServiceTask_ScheduleStayRenewal";
    public static final String STAY_RENEWAL_DUE = "IntermediateTimer_StayRenewalDue";
    public static final String RENEW_STAY = "UserTask_RenewProvisionalStay";
    public static final String STAY_RENEWED = "Gateway_StayRenewed";
    public static final String STAY_NO_LONGER_NEEDED = "EndEvent_StayNoLongerNeeded";
    public static final String RETURN_OR_STAY = "UserTask_AssessReturnOrStay";
    public static final String SAFE_RETURN_WISHED = "Gateway_SafeReturnWished";
    public static final String CHILD = "Gateway_ChildBeforeReturn";
    public static final String BEST_INTERESTS = "CallActivity_BestInterestsBeforeReturn";
    public static final String RETURN_AGREED = "Gateway_ReturnAgreed";
    public static final String ASSISTED_RETURN = "UserTask_OrganiseAssistedReturn";
    public static final String TELL_ORIGIN_PARTNER = "ServiceTask_TellOriginPartner";
    public static final String RETURNED = "EndEvent_ReturnedToCountryOfOrigin";
    public static final String LOCAL_INTEGRATION = "UserTask_PlanLocalIntegration";
    public static final String INTEGRATING = "EndEvent_IntegratingInMoldova";

    private Elements() {
    }
  }

  // Set at the start, from the identification interview and the case. Nationality and language are codes shared by
  // many people (like sex and age band): they route the interpreter, the partner country and the statistics. The
  // person's name, documents and address stay in the vault.
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** ISO 3166-1 alpha-2 in capitals, never MD here. */
  public static final ProcessVariable<String> NATIONALITY = ProcessVariable.text("nationality");
  /** ISO 639-1, the language the person is best spoken to in. */
  public static final ProcessVariable<String> LANGUAGE = ProcessVariable.text("language");
  public static final ProcessVariable<Boolean> INTERPRETER_NEEDED = ProcessVariable.flag("interpreterNeeded");
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  /** The agency or team that identified the person and supports them (the identification task's group). */
  public static final ProcessVariable<String> SUPPORTING_AGENCY = ProcessVariable.text("supportingAgency");
  /** Who organises assisted returns (IOM unless configured otherwise). */
  public static final ProcessVariable<String> RETURN_AGENCY = ProcessVariable.text("returnAgency");
  /** For the best-interests determination of a child. */
  public static final ProcessVariable<String> GUARDIANSHIP_AUTHORITY = ProcessVariable.text("guardianshipAuthority");
  public static final ProcessVariable<String> LOCATION = ProcessVariable.text("location");

  // The provisional stay right
  public static final ProcessVariable<String> STAY_DECISION = ProcessVariable.text("stayDecision");
  public static final ProcessVariable<LocalDate> STAY_GRANTED_ON = ProcessVariable.date("stayGrantedOn");
  public static final ProcessVariable<String> STAY_NOTE = ProcessVariable.text("stayNote");
  /** ISO-8601 date-time with offset: when the renewal is to be asked (the renewal timer). */
  public static final ProcessVariable<String> STAY_RENEWAL_DUE_AT = ProcessVariable.text("stayRenewalDueAt");
  public static final ProcessVariable<String> RENEWAL_DECISION = ProcessVariable.text("renewalDecision");

  // Return or stay
  public static final ProcessVariable<String> RETURN_RISK = ProcessVariable.text("returnRisk");
  public static final ProcessVariable<String> PERSON_WISHES = ProcessVariable.text("personWishes");
  public static final ProcessVariable<String> RISK_NOTE = ProcessVariable.text("riskNote");
  /**
   * Whether she chose a return while the case's recovery and reflection period still ran (set as the decision is
   * taken): such a return rests on her own wish alone, never on the platform's.
   */
  public static final ProcessVariable<Boolean> RETURN_CHOSEN_DURING_REFLECTION_PERIOD =
      ProcessVariable.flag("returnChosenDuringReflectionPeriod");
  /** The guardianship authority's best-interests decision for a child's return (agree, agree-with-conditions, refuse). */
  public static final ProcessVariable<String> RETURN_DECISION = ProcessVariable.text("returnDecision");

  // The assisted return
  public static final ProcessVariable<String> ORIGIN_PARTNER = ProcessVariable.text("originPartner");
  public static final ProcessVariable<LocalDate> RETURN_ON = ProcessVariable.date("returnOn");
  public static final ProcessVariable<String> RETURN_NOTE = ProcessVariable.text("returnNote");
  /** Whether the partner in the country of origin was told (not without the person's consent). */
  public static final ProcessVariable<Boolean> ORIGIN_PARTNER_TOLD = ProcessVariable.flag("originPartnerTold");

  // Local integration
  public static final ProcessVariable<List<String>> INTEGRATION_SUPPORT = ProcessVariable.textList("integrationSupport");
  public static final ProcessVariable<String> INTEGRATION_NOTE = ProcessVariable.text("integrationNote");

  /** Outcome, for the statistics: returned or integrating. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("foreignVictimOutcome");
  public static final String OUTCOME_RETURNED = "returned";
  public static final String OUTCOME_INTEGRATING = "integrating";

  private ForeignVictimProcess() {
  }
}
