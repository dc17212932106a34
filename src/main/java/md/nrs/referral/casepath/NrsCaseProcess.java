package md.nrs.referral.casepath;

import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/nrs-case.bpmn, the path of one NRS case from referral to closure. It calls
 * safety-plan (from referral on), repatriation, shelter-placement, assistance-service (once per planned service), reintegration and
 * monitoring, each a process of its own.
 */
@ProcessContract
public final class NrsCaseProcess {

  public static final String KEY = "nrs-case";
  public static final String TRIAGE_DECISION = "referral-triage";
  public static final String MESSAGE_CONSENT_WITHDRAWN = "ConsentWithdrawn";
  public static final String MESSAGE_SAFETY_INCIDENT = "SafetyIncident";
  /** An approved proposal to end the case at any step (processes/case-exit.bpmn): every open step ends. */
  public static final String MESSAGE_CASE_EXIT_APPROVED = "CaseExitApproved";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_REGISTER_REFERRAL = "register-referral";
  public static final String FORM_IDENTIFICATION = "identification-interview";
  public static final String FORM_CONSENT = "informed-consent";
  public static final String FORM_NEEDS_ASSESSMENT = "needs-assessment";
  public static final String FORM_APPROVE_PLAN = "approve-assistance-plan";
  public static final String FORM_PROPOSE_CLOSURE = "propose-case-closure";
  public static final String FORM_APPROVE_CLOSURE = "approve-case-closure";
  public static final String FORM_URGENT_RISK_REVIEW = "urgent-risk-review";
  public static final String FORM_EMERGENCY_CONSENT = "emergency-assistance-consent";
  public static final String FORM_ARRANGE_ALTERNATIVE_PLACEMENT = "arrange-alternative-placement";
  public static final String PRESUMPTION_DECISION = "minority-presumption";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String REFERRAL_RECEIVED = "StartEvent_ReferralReceived";
    public static final String PRESUME_MINORITY = "BusinessRuleTask_PresumeMinority";
    public static final String TRIAGE = "BusinessRuleTask_TriageReferral";
    public static final String ALERT_GUARDIANSHIP = "ServiceTask_AlertGuardianshipAuthority";
    public static final String CHILD_PROTECTION = "CallActivity_ChildProtection";
    public static final String TRIAGE_AS_ADULT = "BusinessRuleTask_TriageAsAdult";
    public static final String IDENTIFICATION = "UserTask_IdentificationInterview";
    /** The case's risk assessment and safety plan (processes/safety-plan.bpmn), from referral on, beside identification. */
    public static final String SAFETY_PLAN = "CallActivity_SafetyPlan";
    public static final String SAFETY_PLAN_ENDED = "EndEvent_SafetyPlanEnded";
    /** A domestic-violence referral leaves the trafficking path here for processes/dv-pathway.bpmn. */
    public static final String DV_PATHWAY = "CallActivity_DvPathway";
    public static final String DV_PATHWAY_FOLLOWED = "EndEvent_DvPathwayFollowed";
    /** The emergency fast track, beside identification, for an adult referred in immediate danger. */
    public static final String EMERGENCY_NEEDED = "Gateway_EmergencyNeeded";
    public static final String NO_EMERGENCY = "EndEvent_NoEmergencyNeeded";
    /** After the interview: the fast track starts now for an adult it found in danger, unless triage started it. */
    public static final String AFTER_IDENTIFICATION = "Gateway_AfterIdentification";
    public static final String EMERGENCY_FOUND_AT_INTERVIEW = "Gateway_EmergencyFoundAtInterview";
    public static final String NO_EMERGENCY_FROM_INTERVIEW = "EndEvent_NoEmergencyFromInterview";
    /** Where the fast track from triage and the one from the interview meet, in front of the consent. */
    public static final String JOIN_EMERGENCY_CONSENT = "Gateway_JoinEmergencyConsent";
    public static final String EMERGENCY_CONSENT = "UserTask_EmergencyConsent";
    public static final String EMERGENCY_REFUSED = "EndEvent_EmergencyAssistanceRefused";
    public static final String EMERGENCY_SHELTER = "CallActivity_EmergencyShelter";
    public static final String URGENT_MEDICAL_CARE = "CallActivity_UrgentMedicalCare";
    public static final String EMERGENCY_ASSISTANCE_GIVEN = "EndEvent_EmergencyAssistanceGiven";
    public static final String START_REFLECTION_PERIOD = "ServiceTask_StartReflectionPeriod";
    /** The timer that ends the recovery and reflection period (its length: sla-durations.dmn row of this id). */
    public static final String REFLECTION_PERIOD_ENDS = "TimerEvent_ReflectionPeriodEnds";
    public static final String END_REFLECTION_PERIOD = "ServiceTask_EndReflectionPeriod";
    public static final String REFLECTION_PERIOD_ENDED = "EndEvent_ReflectionPeriodEnded";
    public static final String CONSENT = "UserTask_InformedConsent";
    public static final String ASSISTANCE_REFUSED = "EndEvent_AssistanceRefused";
    public static final String NEEDS_ASSESSMENT = "UserTask_NeedsAssessment";
    public static final String APPROVE_PLAN = "UserTask_ApprovePlan";
    public static final String BEST_INTERESTS_BEFORE_RETURN = "CallActivity_BestInterestsBeforeReturn";
    public static final String ARRANGE_ALTERNATIVE_PLACEMENT = "UserTask_ArrangeAlternativePlacement";
    public static final String REPATRIATION = "CallActivity_Repatriation";
    public static final String SHELTER = "CallActivity_ShelterPlacement";
    public static final String SERVICES = "CallActivity_AssistanceServices";
    public static final String REINTEGRATION = "CallActivity_Reintegration";
    public static final String MONITORING = "CallActivity_Monitoring";
    public static final String PROPOSE_CLOSURE = "UserTask_ProposeClosure";
    public static final String APPROVE_CLOSURE = "UserTask_ApproveClosure";
    public static final String BEST_INTERESTS_BEFORE_CLOSURE = "CallActivity_BestInterestsBeforeClosure";
    public static final String CASE_CLOSED = "EndEvent_CaseClosed";
    public static final String TELL_AGENCIES_CONSENT_WITHDRAWN = "ServiceTask_TellAgenciesConsentWithdrawn";
    public static final String CASE_ENDED_CONSENT_WITHDRAWN = "EndEvent_CaseEndedConsentWithdrawn";
    public static final String URGENT_RISK_REVIEW = "UserTask_UrgentRiskReview";
    public static final String RISK_REVIEWED = "EndEvent_RiskReviewed";
    public static final String CASE_EXIT_APPROVED = "StartEvent_CaseExitApproved";
    public static final String END_CASE_ESCALATIONS = "ServiceTask_EndCaseEscalations";
    public static final String TELL_AGENCIES_CASE_ENDED = "ServiceTask_TellAgenciesCaseEnded";
    public static final String CASE_ENDED_BY_EXIT = "EndEvent_CaseEndedByExit";

    private Elements() {
    }
  }

  // Set at the start
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;

  // Register referral (start form)
  public static final ProcessVariable<String> CHANNEL = ProcessVariable.text("channel");
  public static final ProcessVariable<String> LOCATION = ProcessVariable.text("location");
  public static final ProcessVariable<String> COUNTRY = ProcessVariable.text("country");
  /** Optional: the district in Moldova where the person is (a term of the directory's districts); picks the team. */
  public static final ProcessVariable<String> DISTRICT = ProcessVariable.text("district");
  public static final ProcessVariable<String> CATEGORY = ProcessVariable.text("category");
  /**
   * Ticked on the start form for a child; the presumption of minority (minority-presumption.dmn) then makes it
   * true also where the age is unknown or disputed, until the age assessment (child-protection) decides.
   */
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  /** 0-2, 3-6, 7-17, 18+ or unknown: for the national statistics (no birth date is ever asked). */
  public static final ProcessVariable<String> AGE_BAND = ProcessVariable.text("ageBand");
  /** The age given is doubtful: the person is presumed a child until the age assessment decides. */
  public static final ProcessVariable<Boolean> AGE_DISPUTED = ProcessVariable.flag("ageDisputed");
  public static final ProcessVariable<String> SEX = ProcessVariable.text("sex");
  public static final ProcessVariable<Boolean> IMMEDIATE_DANGER = ProcessVariable.flag("immediateDanger");
  public static final ProcessVariable<String> REFERRAL_SUMMARY = ProcessVariable.text("referralSummary");

  // Presumption of minority (minority-presumption.dmn)
  public static final ProcessVariable<Boolean> AGE_ASSESSMENT_NEEDED = ProcessVariable.flag("ageAssessmentNeeded");

  // Triage (referral-triage.dmn)
  public static final ProcessVariable<String> URGENCY = CaseVariables.URGENCY;
  public static final ProcessVariable<String> PATHWAY = ProcessVariable.text("pathway");
  public static final ProcessVariable<Boolean> REPATRIATION_NEEDED = ProcessVariable.flag("repatriationNeeded");
  public static final ProcessVariable<Boolean> GUARDIANSHIP_ALERT = ProcessVariable.flag("guardianshipAlert");
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");
  /** The triage task's own (local) answer: the district's team the directory names, else triage's responsibleTeam. */
  public static final ProcessVariable<String> TEAM_IN_DISTRICT = ProcessVariable.text("teamInDistrict");

  // Identification, consent, plan
  public static final ProcessVariable<String> VICTIM_STATUS = ProcessVariable.text("victimStatus");
  public static final ProcessVariable<List<String>> INDICATORS = ProcessVariable.textList("indicators");
  /** Read by the national statistics (identified victims by form of exploitation). */
  public static final ProcessVariable<List<String>> FORMS_OF_EXPLOITATION = ProcessVariable.textList("formsOfExploitation");
  /** The interview found the person in immediate danger (false from triage on, until the interview says so). */
  public static final ProcessVariable<Boolean> DANGER_FOUND_AT_INTERVIEW = ProcessVariable.flag("dangerFoundAtInterview");
  /** The interview found an urgent need of medical care (false from triage on, until the interview says so). */
  public static final ProcessVariable<Boolean> URGENT_MEDICAL_NEED_FOUND_AT_INTERVIEW =
      ProcessVariable.flag("urgentMedicalNeedFoundAtInterview");
  /** Triage started the emergency fast track (an adult referred in immediate danger). */
  public static final ProcessVariable<Boolean> EMERGENCY_FAST_TRACK_AT_TRIAGE = ProcessVariable.flag("emergencyFastTrackAtTriage");
  /** The interview starts the fast track: an adult it found in danger or in urgent medical need, not fast-tracked at triage. */
  public static final ProcessVariable<Boolean> EMERGENCY_FAST_TRACK_AT_INTERVIEW =
      ProcessVariable.flag("emergencyFastTrackAtInterview");
  // Emergency fast track (emergency-assistance-consent form): verbal consent, recorded with who recorded it
  public static final ProcessVariable<String> EMERGENCY_CONSENT = ProcessVariable.text("emergencyConsent");
  public static final ProcessVariable<Boolean> EMERGENCY_SHELTER = ProcessVariable.flag("emergencyShelter");
  public static final ProcessVariable<Boolean> URGENT_MEDICAL_CARE = ProcessVariable.flag("urgentMedicalCare");
  public static final ProcessVariable<String> CONSENT_RECORDED_BY = ProcessVariable.text("consentRecordedBy");
  /** True while the emergency shelter stay runs (false from triage on): the plan's shelter step continues it instead of a second placement. */
  public static final ProcessVariable<Boolean> EMERGENCY_STAY_RUNNING = ProcessVariable.flag("emergencyStayRunning");
  public static final ProcessVariable<String> EMERGENCY_SHELTER_OUTCOME = ProcessVariable.text("emergencyShelterOutcome");

  /*
   * The recovery and reflection period (Council of Europe Convention art. 13: at least 30 days), from the
   * identification interview, for everyone it reached: while it runs no cooperation with the police is asked
   * for and no return is forced. Dates are days in Chisinau; the period ends at reflectionPeriodEndsAt.
   */
  public static final ProcessVariable<LocalDate> REFLECTION_PERIOD_STARTS_ON = ProcessVariable.date("reflectionPeriodStartsOn");
  public static final ProcessVariable<LocalDate> REFLECTION_PERIOD_ENDS_ON = ProcessVariable.date("reflectionPeriodEndsOn");
  public static final ProcessVariable<String> REFLECTION_PERIOD_ENDS_AT = ProcessVariable.text("reflectionPeriodEndsAt");
  public static final ProcessVariable<Boolean> REFLECTION_PERIOD_OVER = ProcessVariable.flag("reflectionPeriodOver");
  public static final ProcessVariable<String> CONSENT_TO_ASSISTANCE = ProcessVariable.text("consentToAssistance");
  public static final ProcessVariable<List<String>> SHARE_WITH_AGENCIES = ProcessVariable.textList("shareWithAgencies");
  public static final ProcessVariable<Boolean> INFORM_LAW_ENFORCEMENT = ProcessVariable.flag("informLawEnforcement");
  /** The person asks that the police be told now, during the reflection period (otherwise they are told after it). */
  public static final ProcessVariable<Boolean> POLICE_DURING_REFLECTION_PERIOD = ProcessVariable.flag("policeDuringReflectionPeriod");
  public static final ProcessVariable<Boolean> INFORM_PARTNER_ABROAD = ProcessVariable.flag("informPartnerAbroad");
  public static final ProcessVariable<List<String>> PLANNED_SERVICES = ProcessVariable.textList("plannedServices");
  public static final ProcessVariable<Boolean> SHELTER_NEEDED = ProcessVariable.flag("shelterNeeded");
  public static final ProcessVariable<String> PLAN_AUTHOR = ProcessVariable.text("planAuthor");
  public static final ProcessVariable<String> PLAN_DECISION = ProcessVariable.text("planDecision");
  public static final ProcessVariable<String> WITHDRAWAL_REASON = ProcessVariable.text("withdrawalReason");

  // From child-protection: the guardianship authority of the district (candidate group of its tasks) and
  // the child's representative's role (never the representative's details: those are in the vault)
  public static final ProcessVariable<String> GUARDIANSHIP_AUTHORITY = ProcessVariable.text("guardianshipAuthority");
  public static final ProcessVariable<String> REPRESENTATIVE_ROLE = ProcessVariable.text("representativeRole");
  public static final ProcessVariable<Boolean> REPRESENTATIVE_EXCLUDED = ProcessVariable.flag("representativeExcluded");

  // Best-interests determinations (best-interests-determination.bpmn) before a child's return and closure
  public static final ProcessVariable<String> RETURN_DECISION = ProcessVariable.text("returnDecision");
  public static final ProcessVariable<String> CLOSURE_BID_DECISION = ProcessVariable.text("closureBidDecision");
  /** After a refused return: where the child is placed in Moldova (shelter, family-type, foster, residential). */
  public static final ProcessVariable<String> PLACEMENT_TYPE = ProcessVariable.text("placementType");
  public static final ProcessVariable<String> PLACEMENT_NOTE = ProcessVariable.text("placementNote");

  // From the called processes
  public static final ProcessVariable<String> REPATRIATION_OUTCOME = ProcessVariable.text("repatriationOutcome");
  public static final ProcessVariable<String> SHELTER_OUTCOME = ProcessVariable.text("shelterOutcome");
  public static final ProcessVariable<String> REINTEGRATION_OUTCOME = ProcessVariable.text("reintegrationOutcome");
  public static final ProcessVariable<String> MONITORING_OUTCOME = ProcessVariable.text("monitoringOutcome");

  // Closure
  public static final ProcessVariable<String> CLOSURE_REASON = ProcessVariable.text("closureReason");
  public static final ProcessVariable<String> CLOSURE_DECISION = ProcessVariable.text("closureDecision");

  // Exit at any step (message CaseExitApproved): why the case ended, no personal data, and who must be told
  public static final ProcessVariable<String> EXIT_REASON = ProcessVariable.text("exitReason");
  public static final ProcessVariable<List<String>> AGENCIES_WITH_OPEN_STEPS = ProcessVariable.textList("agenciesWithOpenSteps");

  /** The agencies a person may agree to share their case with (consent form checklist). */
  private NrsCaseProcess() {
  }
}
