package md.nrs.referral.assistance;

import static md.nrs.referral.assistance.AssistanceServiceProcess.CASE_CODE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.COORDINATOR_DECISION;
import static md.nrs.referral.assistance.AssistanceServiceProcess.COORDINATOR_NOTE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.DELIVERED_ON;
import static md.nrs.referral.assistance.AssistanceServiceProcess.MINOR;
import static md.nrs.referral.assistance.AssistanceServiceProcess.NEEDS_SHARED;
import static md.nrs.referral.assistance.AssistanceServiceProcess.OUTCOME_NOTE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PLANNED_SERVICES;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PLAN_SUMMARY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDERS_WITHOUT_CONSENT;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_AGENCY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_ANSWER;
import static md.nrs.referral.assistance.AssistanceServiceProcess.REGION;
import static md.nrs.referral.assistance.AssistanceServiceProcess.REJECTION_REASON;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_OUTCOME;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_TYPE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SEX;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SHELTER_NEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.assistance.AssistanceServiceProcess.Elements;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class AssistanceServiceProcessTest extends CalledProcessTestSupport {

  /** The person's consent, recorded as the consent step records it (the MDT met the person). */
  @Autowired ConsentRegistry consents;

  @Test
  void deploysWithTheRoutingTable() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AssistanceServiceProcess.KEY).latestVersion().singleResult()).isNotNull();
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(AssistanceServiceProcess.ROUTING_DECISION).latestVersion().singleResult()).isNotNull();
  }

  @Test
  void theFirstProviderAcceptsDeliversAndReports() {
    ProcessInstance service = start("legal", "moldova", false, "female");

    assertThat(service).isWaitingAt(Elements.ANSWER_REFERRAL);
    assertThat(task(service)).hasCandidateGroup("la-strada");
    assertThat(outboxOf(service)).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("la-strada", Elements.ANSWER_REFERRAL));

    complete(service, Map.of(PROVIDER_ANSWER.name(), "accept"));
    assertThat(service).isWaitingAt(Elements.REPORT_OUTCOME);
    assertThat(task(service)).hasCandidateGroup("la-strada");

    complete(service, Map.of(SERVICE_OUTCOME.name(), "delivered", DELIVERED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        OUTCOME_NOTE.name(), "Four sessions of legal counselling"));
    assertThat(service).isEnded().hasPassed(Elements.SERVICE_DELIVERED)
        .variables().containsEntry(SERVICE_OUTCOME.name(), "delivered");
  }

  @Test
  void aRejectionGoesToTheNextProviderOnTheList() {
    ProcessInstance service = start("legal", "moldova", false, "male");

    complete(service, Map.of(PROVIDER_ANSWER.name(), "reject", REJECTION_REASON.name(), "No lawyer free this month"));

    assertThat(service).isWaitingAt(Elements.ANSWER_REFERRAL);
    assertThat(task(service)).hasCandidateGroup("cap-chisinau");
    assertThat(outboxOf(service)).extracting(OutboxEntry::getAgencyId).containsExactly("la-strada", "cap-chisinau");
  }

  @Test
  void whenEveryProviderRejectsTheCoordinatorNamesAnother() {
    ProcessInstance service = start("medical", "moldova", false, "female");
    assertThat(task(service)).hasCandidateGroup("cap-chisinau");

    complete(service, Map.of(PROVIDER_ANSWER.name(), "reject", REJECTION_REASON.name(), "No places"));

    assertThat(service).isWaitingAt(Elements.CHOOSE_PROVIDER);
    assertThat(task(service)).hasCandidateGroup("nrs-coordinators");
    complete(service, Map.of(COORDINATOR_DECISION.name(), "refer", PROVIDER_AGENCY.name(), "womens-initiative"));

    assertThat(service).isWaitingAt(Elements.ANSWER_REFERRAL);
    assertThat(task(service)).hasCandidateGroup("womens-initiative");
    assertThat(outboxOf(service)).extracting(OutboxEntry::getAgencyId).containsExactly("cap-chisinau", "womens-initiative");
  }

  @Test
  void theCoordinatorMayCancelTheServiceWithAReason() {
    ProcessInstance service = start("medical", "abroad", false, "female");
    complete(service, Map.of(PROVIDER_ANSWER.name(), "reject",
        REJECTION_REASON.name(), "Partner cannot reach the person"));

    complete(service, Map.of(COORDINATOR_DECISION.name(), "cancel-service",
        COORDINATOR_NOTE.name(), "Person returned home"));

    assertThat(service).isEnded().hasPassed(Elements.SERVICE_CANCELLED);
  }

  @Test
  void aProviderAnswerWithoutTheReasonForRejectingIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance service = start("psychological", "transnistria", true, "female");
    Task answer = task(service);

    assertThatThrownBy(() -> engine.getTaskService().complete(answer.getId(), Map.of(PROVIDER_ANSWER.name(), "reject")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("rejectionReason: is required when the referral is rejected");

    assertThat(service).isWaitingAt(Elements.ANSWER_REFERRAL);
    assertThat(engine.getTaskService().createTaskQuery().taskId(answer.getId()).count()).isEqualTo(1);
  }

  @Test
  void anOutcomeDatedInTheFutureIsRefused() {
    ProcessInstance service = start("social", "moldova", false, "unknown");
    assertThat(task(service)).hasCandidateGroup("community-social-workers");
    complete(service, Map.of(PROVIDER_ANSWER.name(), "accept"));

    assertThatThrownBy(() -> complete(service, Map.of(SERVICE_OUTCOME.name(), "delivered",
        DELIVERED_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(3).toString())))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("deliveredOn: cannot be in the future");
    assertThat(service).isWaitingAt(Elements.REPORT_OUTCOME);
  }

  @Test
  void aPersonWhoConsentedToShareWithNoAgencyGetsNoProviderTaskAndTheCoordinatorDecides() {
    consentToAssistanceOnlyRecordedBy("mdt-chisinau");

    ProcessInstance service = start("medical", "moldova", false, "female");

    assertThat(service).isWaitingAt(Elements.CHOOSE_PROVIDER);
    assertThat(task(service)).hasCandidateGroup("nrs-coordinators");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode).taskCandidateGroup("cap-chisinau")
        .count()).isZero();
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).extracting(OutboxEntry::getAgencyId).doesNotContain("cap-chisinau");
    assertThat(service).variables().containsEntry(PROVIDERS_WITHOUT_CONSENT.name(), java.util.List.of("cap-chisinau"));
  }

  @Test
  void aProviderWithoutConsentIsSkippedAndTheNextListedProviderIsAsked() {
    consentToAssistanceOnlyRecordedBy("mdt-chisinau");
    consents.record(caseCode, ConsentRegistry.shareWith("cap-chisinau"), true, "mdt.chisinau", "mdt-chisinau", "test");

    ProcessInstance service = start("legal", "moldova", false, "female");

    assertThat(service).isWaitingAt(Elements.ANSWER_REFERRAL);
    assertThat(task(service)).hasCandidateGroup("cap-chisinau");
    assertThat(outboxOf(service)).extracting(OutboxEntry::getAgencyId).containsExactly("cap-chisinau");
  }

  @Test
  void theCoordinatorCannotNameAnAgencyThePersonDidNotConsentToAndTheTaskStaysOpen() {
    consentToAssistanceOnlyRecordedBy("mdt-chisinau");
    ProcessInstance service = start("medical", "moldova", false, "female");

    assertThatThrownBy(() -> complete(service, Map.of(COORDINATOR_DECISION.name(), AssistanceServiceProcess.DECISION_REFER,
        PROVIDER_AGENCY.name(), "womens-initiative")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("providerAgency: the person has not consented to share the case with this agency");

    assertThat(service).isWaitingAt(Elements.CHOOSE_PROVIDER);
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).isEmpty();
  }

  @Test
  void onceConsentIsGivenAgainTheCoordinatorRoutesAgainToTheSkippedProvider() {
    consentToAssistanceOnlyRecordedBy("mdt-chisinau");
    ProcessInstance service = start("medical", "moldova", false, "female");
    consents.record(caseCode, ConsentRegistry.shareWith("cap-chisinau"), true, "mdt.chisinau", "mdt-chisinau", "test");

    complete(service, Map.of(COORDINATOR_DECISION.name(), AssistanceServiceProcess.DECISION_ROUTE_AGAIN));

    assertThat(service).isWaitingAt(Elements.ANSWER_REFERRAL);
    assertThat(task(service)).hasCandidateGroup("cap-chisinau");
    assertThat(outboxOf(service)).extracting(OutboxEntry::getAgencyId).containsExactly("cap-chisinau");
  }

  @Test
  void routingAgainNeverAsksAProviderThatAlreadyRejected() {
    ProcessInstance service = start("medical", "moldova", false, "female");
    complete(service, Map.of(PROVIDER_ANSWER.name(), "reject", REJECTION_REASON.name(), "No places"));

    complete(service, Map.of(COORDINATOR_DECISION.name(), AssistanceServiceProcess.DECISION_ROUTE_AGAIN));

    assertThat(service).isWaitingAt(Elements.CHOOSE_PROVIDER);
    assertThat(outboxOf(service)).extracting(OutboxEntry::getAgencyId).containsExactly("cap-chisinau");
  }

  @Test
  void aProviderThePersonConsentedToSeesTheCasesNeedsOnItsAnswerTaskAndNowhereElse() {
    consentToAssistanceOnlyRecordedBy("mdt-chisinau");
    consents.record(caseCode, ConsentRegistry.shareWith("la-strada"), true, "mdt.chisinau", "mdt-chisinau", "test");

    ProcessInstance theCase = aCaseNeeding("legal", java.util.List.of("legal", "medical"), true, "Counselling, then a check-up");
    ProcessInstance service = serviceCalledBy(theCase);

    Task answer = task(service);
    assertThat(answer).hasCandidateGroup("la-strada");
    assertThat(engine.getTaskService().getVariablesLocal(answer.getId())).containsEntry(NEEDS_SHARED.name(), true)
        .containsEntry(SHELTER_NEEDED.name(), true).containsEntry(PLAN_SUMMARY.name(), "Counselling, then a check-up")
        .containsKey(PLANNED_SERVICES.name());
    assertThat(engine.getRuntimeService().getVariables(service.getId())).as("not in the service's own variables")
        .doesNotContainKeys(NEEDS_SHARED.name(), PLANNED_SERVICES.name(), SHELTER_NEEDED.name(), PLAN_SUMMARY.name());
    deliver(service);
    assertThat(theCase).isEnded();
  }

  @Test
  void aProviderAskedBeforeThePersonsConsentWasRecordedSeesOnlyTheKindOfService() {
    ProcessInstance theCase = aCaseNeeding("legal", java.util.List.of("legal"), false, "Counselling on her labour claim");
    ProcessInstance service = serviceCalledBy(theCase);

    Task answer = task(service);
    assertThat(answer).hasCandidateGroup("la-strada");
    assertThat(engine.getTaskService().getVariables(answer.getId())).containsEntry(NEEDS_SHARED.name(), false)
        .containsEntry(SERVICE_TYPE.name(), "legal")
        .doesNotContainKeys(PLANNED_SERVICES.name(), SHELTER_NEEDED.name(), PLAN_SUMMARY.name());
    deliver(service);
    assertThat(theCase).isEnded();
  }

  /** A case (the fixture caller) whose plan holds these needs, calling one service as nrs-case does. */
  private ProcessInstance aCaseNeeding(String serviceType, java.util.List<String> planned, boolean shelter, String summary) {
    engine.getRepositoryService().createDeployment().addClasspathResource("fixtures/case-calling-a-service.bpmn")
        .enableDuplicateFiltering(true).deploy();
    Map<String, Object> variables = new HashMap<>();
    variables.put(FixtureCaseCallingAServiceProcess.CASE_CODE.name(), caseCode);
    variables.put(FixtureCaseCallingAServiceProcess.SERVICE_TYPE.name(), serviceType);
    variables.put(FixtureCaseCallingAServiceProcess.LOCATION.name(), "moldova");
    variables.put(FixtureCaseCallingAServiceProcess.MINOR.name(), false);
    variables.put(FixtureCaseCallingAServiceProcess.SEX.name(), "female");
    variables.put(FixtureCaseCallingAServiceProcess.PLANNED_SERVICES.name(), new java.util.ArrayList<>(planned));
    variables.put(FixtureCaseCallingAServiceProcess.SHELTER_NEEDED.name(), shelter);
    variables.put(FixtureCaseCallingAServiceProcess.PLAN_SUMMARY.name(), summary);
    return PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(FixtureCaseCallingAServiceProcess.KEY, caseCode, variables));
  }

  private ProcessInstance serviceCalledBy(ProcessInstance theCase) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(theCase.getId()).singleResult();
  }

  private void deliver(ProcessInstance service) {
    complete(service, Map.of(PROVIDER_ANSWER.name(), "accept"));
    complete(service, Map.of(SERVICE_OUTCOME.name(), "delivered", DELIVERED_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));
  }

  /** Consent to assistance, recorded by the agency that met the person, and to share with no other agency. */
  private void consentToAssistanceOnlyRecordedBy(String agency) {
    consents.record(caseCode, ConsentRegistry.ASSISTANCE, true, "mdt.chisinau", agency, "test");
  }

  private ProcessInstance start(String serviceType, String region, boolean minor, String sex) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(SERVICE_TYPE.name(), serviceType);
    variables.put(REGION.name(), region);
    variables.put(MINOR.name(), minor);
    variables.put(SEX.name(), sex);
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(AssistanceServiceProcess.KEY, caseCode, variables));
  }
}
