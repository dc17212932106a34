package md.nrs.referral.assistance;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/assistance-service.bpmn: one assistance service (legal, medical,
 * psychological, social) referred to a provider agency, which accepts or rejects, delivers and reports.
 * A rejection goes to the next provider the routing table lists, and after the last to the coordinator.
 * A provider the person did not consent to share with is skipped: it never gets a task or a notification.
 */
@ProcessContract
public final class AssistanceServiceProcess {

  public static final String KEY = "assistance-service";
  public static final String ROUTING_DECISION = "service-provider-routing";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_ANSWER_REFERRAL = "answer-service-referral";
  public static final String FORM_CHOOSE_PROVIDER = "choose-service-provider";
  public static final String FORM_REPORT_OUTCOME = "report-service-outcome";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_ServiceRequested";
    public static final String ROUTE_TO_PROVIDER = "BusinessRuleTask_RouteToProvider";
    public static final String PICK_NEXT_PROVIDER = "ServiceTask_PickNextProvider";
    public static final String PROVIDER_LEFT = "Gateway_ProviderLeft";
    public static final String CHOOSE_PROVIDER = "UserTask_ChooseProvider";
    public static final String COORDINATOR_DECISION = "Gateway_CoordinatorDecision";
    public static final String REFER_TO_PROVIDER = "ServiceTask_ReferToProvider";
    public static final String ANSWER_REFERRAL = "UserTask_AnswerReferral";
    public static final String REFERRAL_ACCEPTED = "Gateway_ReferralAccepted";
    public static final String REPORT_OUTCOME = "UserTask_ReportOutcome";
    public static final String SERVICE_DELIVERED = "EndEvent_ServiceReported";
    public static final String SERVICE_CANCELLED = "EndEvent_ServiceCancelled";

    private Elements() {
    }
  }

  // Given by the caller (the case process, one instance per service in the plan)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> SERVICE_TYPE = ProcessVariable.text("serviceType");
  public static final ProcessVariable<String> REGION = ProcessVariable.text("region");
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  public static final ProcessVariable<String> SEX = ProcessVariable.text("sex");

  // Kept by the process
  public static final ProcessVariable<java.util.List<String>> PROVIDERS = ProcessVariable.textList("providers");
  /** How many providers had been asked, in instances started before {@link #PROVIDERS_ASKED} existed. */
  public static final ProcessVariable<Integer> PROVIDER_ATTEMPT = ProcessVariable.number("providerAttempt");
  /** The providers asked so far (agency ids): a rejection is never asked again. */
  public static final ProcessVariable<java.util.List<String>> PROVIDERS_ASKED = ProcessVariable.textList("providersAsked");
  /** The listed providers skipped because the person did not consent to share with them (agency ids). */
  public static final ProcessVariable<java.util.List<String>> PROVIDERS_WITHOUT_CONSENT =
      ProcessVariable.textList("providersWithoutConsent");
  public static final ProcessVariable<Boolean> PROVIDER_LEFT = ProcessVariable.flag("providerLeft");
  public static final ProcessVariable<String> PROVIDER_AGENCY = ProcessVariable.text("providerAgency");

  // On the provider's answer task only (task variables, from the calling case), as the person's consent allows
  /** Whether the person's consent lets the provider asked see the case's needs below. */
  public static final ProcessVariable<Boolean> NEEDS_SHARED = ProcessVariable.flag("needsShared");
  public static final ProcessVariable<java.util.List<String>> PLANNED_SERVICES = ProcessVariable.textList("plannedServices");
  public static final ProcessVariable<Boolean> SHELTER_NEEDED = ProcessVariable.flag("shelterNeeded");
  /** The case team's summary of the needs and the plan: free text, so only with consent. */
  public static final ProcessVariable<String> PLAN_SUMMARY = ProcessVariable.text("planSummary");

  // From the forms
  public static final ProcessVariable<String> PROVIDER_ANSWER = ProcessVariable.text("providerAnswer");
  public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.text("rejectionReason");
  public static final ProcessVariable<String> COORDINATOR_DECISION = ProcessVariable.text("coordinatorDecision");
  public static final ProcessVariable<String> COORDINATOR_NOTE = ProcessVariable.text("coordinatorNote");
  public static final ProcessVariable<String> SERVICE_OUTCOME = ProcessVariable.text("serviceOutcome");
  public static final ProcessVariable<String> DELIVERED_ON = ProcessVariable.text("deliveredOn");
  public static final ProcessVariable<String> OUTCOME_NOTE = ProcessVariable.text("outcomeNote");

  /** The coordinator's decisions when no listed provider is left. */
  public static final String DECISION_REFER = "refer";
  public static final String DECISION_ROUTE_AGAIN = "route-again";
  public static final String DECISION_CANCEL = "cancel-service";

  /** The choices of the forms, as the forms and the routing table spell them. */
  public static final String[] SERVICE_TYPES = {"legal", "medical", "psychological", "social"};
  public static final String[] REGIONS = {"moldova", "transnistria", "abroad"};
  public static final String[] SEXES = {"female", "male", "unknown"};

  private AssistanceServiceProcess() {
  }
}
