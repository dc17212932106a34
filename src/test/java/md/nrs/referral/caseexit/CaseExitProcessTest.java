package md.nrs.referral.caseexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import md.nrs.referral.agencies.AgencyNotificationProcess;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.caseexit.CaseExitProcess.Elements;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.sla.SlaEscalationProcess;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.StartsCasesProcessTest;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ending a case at any step (processes/case-exit.bpmn): each reason, the coordinator's four eyes, and the end of
 * everything the case runs — a task open in each process the case calls, its escalations — with one "case ended"
 * notice per agency that had an open step. Coverage is counted for case-exit; nrs-case's own test covers its
 * event sub-process.
 */
@StartsCasesProcessTest
class CaseExitProcessTest {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired OutboxRepository outbox;
  @Autowired ConsentRegistry consents;
  CasesOnTheirWay cases;

  @BeforeEach
  void staffAndAssertions() {
    BpmnAwareTests.init(engine);
    cases = new CasesOnTheirWay(engine);
    TestUsers.ensure(engine, "exit.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "exit.iom", PASSWORD, "iom", "caseworkers");
    TestUsers.ensure(engine, "exit.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "exit.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "exit.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "exit.second-coordinator", PASSWORD, "nrs-coordinators");
  }

  // --- each reason

  @ParameterizedTest
  @ValueSource(strings = {"not-a-victim", "deceased", "refuses-assistance", "transferred-to-another-nrs"})
  void anApprovedExitEndsTheCaseAtOnceAndHistoryKeepsItsReason(String reason) {
    ProcessInstance nrsCase = cases.refer(false);

    ProcessInstance proposal = propose(nrsCase, "exit.mdt", reason, null);
    assertThat(proposal).isWaitingAt(Elements.APPROVE_EXIT).hasBusinessKey(nrsCase.getBusinessKey())
        .variables().containsEntry(CaseExitProcess.PROPOSING_AGENCY.name(), "mdt-chisinau")
        .containsEntry(CaseExitProcess.PROPOSED_BY.name(), "exit.mdt");
    assertThat(approvalTask(proposal)).hasCandidateGroup("nrs-coordinators");
    assertThat(nrsCase).as("the case goes on until the decision").isWaitingAt(NrsCaseProcess.Elements.IDENTIFICATION);
    decide(proposal, "exit.coordinator", "approve");

    assertThat(proposal).isEnded().hasPassed(Elements.END_THE_CASE, Elements.CASE_ENDED);
    assertThat(nrsCase).isEnded().hasPassed(NrsCaseProcess.Elements.CASE_ENDED_BY_EXIT);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(nrsCase.getId())
        .taskDefinitionKey(NrsCaseProcess.Elements.IDENTIFICATION).singleResult().getDeleteReason())
        .as("the open interview was ended, not done").isNotEqualTo("completed");
    assertThat(historicVariable(nrsCase, NrsCaseProcess.EXIT_REASON.name())).isEqualTo(reason);
    assertThat(caseEndedNotices(nrsCase)).containsExactly("mdt-chisinau");
    assertThat(consents.current(nrsCase.getBusinessKey(), ConsentRegistry.ASSISTANCE)).as("consent stays as it was").isEmpty();
  }

  @Test
  void lostContactEndsTheCaseOnlyAfterTheAttemptsThePolicyTableAsks() {
    ProcessInstance nrsCase = cases.refer(false);
    long before = proposals();

    assertThatThrownBy(() -> propose(nrsCase, "exit.mdt", "lost-contact", 2))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("contactAttempts").hasMessageContaining("at least 3 documented attempts");
    assertThat(proposals()).as("nothing started").isEqualTo(before);

    ProcessInstance proposal = propose(nrsCase, "exit.mdt", "lost-contact", 3);
    decide(proposal, "exit.coordinator", "approve");
    assertThat(nrsCase).isEnded().hasPassed(NrsCaseProcess.Elements.CASE_ENDED_BY_EXIT);
    assertThat(historicVariable(nrsCase, NrsCaseProcess.EXIT_REASON.name())).isEqualTo("lost-contact");
  }

  @Test
  void aWithdrawalOfConsentReportedByTheTeamEndsTheCaseAfterApprovalAndIsRecorded() {
    ProcessInstance nrsCase = cases.refer(false);

    ProcessInstance proposal = propose(nrsCase, "exit.mdt", "consent-withdrawn", null);
    assertThat(consents.current(nrsCase.getBusinessKey(), ConsentRegistry.ASSISTANCE)).as("not before approval").isEmpty();
    decide(proposal, "exit.coordinator", "approve");

    assertThat(nrsCase).isEnded().hasPassed(NrsCaseProcess.Elements.CASE_ENDED_BY_EXIT);
    assertThat(consents.current(nrsCase.getBusinessKey(), ConsentRegistry.ASSISTANCE)).contains(false);
    assertThat(caseEndedNotices(nrsCase)).as("told on a legal basis despite the withdrawal").containsExactly("mdt-chisinau");
  }

  @Test
  void reTraffickingIsANewRiskNotAnEnd() {
    ProcessInstance nrsCase = cases.refer(false);

    ProcessInstance proposal = propose(nrsCase, "exit.mdt", "re-trafficked", null);
    decide(proposal, "exit.coordinator", "approve");

    assertThat(proposal).isEnded().hasPassed(Elements.OPEN_NEW_RISK_REVIEW, Elements.NEW_RISK_REVIEW_OPENED)
        .hasNotPassed(Elements.END_THE_CASE);
    assertThat(nrsCase).isActive().isWaitingAt(NrsCaseProcess.Elements.IDENTIFICATION,
        NrsCaseProcess.Elements.URGENT_RISK_REVIEW);
    assertThat(caseEndedNotices(nrsCase)).isEmpty();
  }

  @Test
  void aPersonWhoMovedAbroadIsFirstOfferedAReferralAbroadThenTheCaseEnds() {
    ProcessInstance nrsCase = cases.refer(false);

    ProcessInstance proposal = propose(nrsCase, "exit.mdt", "moved-abroad", null);
    decide(proposal, "exit.coordinator", "approve");

    assertThat(proposal).isWaitingAt(Elements.OFFER_OUTBOUND_REFERRAL);
    assertThat(nrsCase).as("still open, so a request abroad can name it").isActive();
    Task offer = engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    assertThat(offer).hasCandidateGroup("mdt-chisinau");
    assertThat(offer.getDueDate()).as("due from the SLA table").isNotNull();
    engine.getTaskService().complete(offer.getId(), Map.of(CaseExitProcess.OUTBOUND_REFERRAL.name(), "declined-by-person"));

    assertThat(proposal).isEnded().hasPassed(Elements.CASE_ENDED);
    assertThat(nrsCase).isEnded().hasPassed(NrsCaseProcess.Elements.CASE_ENDED_BY_EXIT);
    assertThat(historicVariable(nrsCase, NrsCaseProcess.EXIT_REASON.name())).isEqualTo("moved-abroad");
  }

  // --- the decision

  @Test
  void aDeclinedProposalLeavesTheCaseAsItWas() {
    ProcessInstance nrsCase = cases.refer(false);

    ProcessInstance proposal = propose(nrsCase, "exit.mdt", "deceased", null);
    decide(proposal, "exit.coordinator", "decline");

    assertThat(proposal).isEnded().hasPassed(Elements.EXIT_DECLINED);
    assertThat(nrsCase).isActive().isWaitingAt(NrsCaseProcess.Elements.IDENTIFICATION);
    assertThat(caseEndedNotices(nrsCase)).isEmpty();
  }

  @Test
  void theProposerCannotApproveTheirOwnProposal() {
    ProcessInstance nrsCase = cases.refer(false);
    ProcessInstance proposal = propose(nrsCase, "exit.coordinator", "deceased", null);

    assertThatThrownBy(() -> decide(proposal, "exit.coordinator", "approve"))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("someone other than its proposer");
    assertThat(proposal).isWaitingAt(Elements.APPROVE_EXIT);
    assertThat(nrsCase).isActive();

    decide(proposal, "exit.second-coordinator", "approve");
    assertThat(nrsCase).isEnded();
  }

  @Test
  void anAgencyWithoutAnOpenStepCannotProposeAndOneProposalWaitsAtATime() {
    ProcessInstance nrsCase = cases.refer(false);
    long before = proposals();

    assertThatThrownBy(() -> propose(nrsCase, "exit.iom", "deceased", null))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("caseCode").hasMessageContaining("no open step on case " + nrsCase.getBusinessKey());
    assertThat(proposals()).isEqualTo(before);

    propose(nrsCase, "exit.mdt", "deceased", null);
    assertThatThrownBy(() -> propose(nrsCase, "exit.coordinator", "not-a-victim", null))
        .hasMessageContaining("already waiting for the coordinator's decision");
  }

  @Test
  void aCaseThatEndedWhileTheProposalWaitedHasNothingLeftToEnd() {
    ProcessInstance nrsCase = cases.refer(false);
    ProcessInstance proposal = propose(nrsCase, "exit.mdt", "lost-contact", 4);

    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(nrsCase.getId()).correlate(); // the person withdrew consent in the meantime
    decide(proposal, "exit.coordinator", "approve");

    assertThat(proposal).isEnded().hasPassed(Elements.CASE_ALREADY_ENDED, Elements.NOTHING_TO_END)
        .hasNotPassed(Elements.CASE_ENDED);
    assertThat(nrsCase).hasPassed(NrsCaseProcess.Elements.CASE_ENDED_CONSENT_WITHDRAWN)
        .hasNotPassed(NrsCaseProcess.Elements.CASE_ENDED_BY_EXIT);
  }

  // --- everything of the case ends, from any called process

  @Test
  void anExitDuringRepatriationEndsItAndItsEscalationAndTellsIomOnce() {
    ProcessInstance nrsCase = cases.withApprovedPlan(true, List.of("legal"), false);
    assertThat(nrsCase).isWaitingAt(NrsCaseProcess.Elements.REPATRIATION);

    exitWhileOpenAndCheckNothingRemains(nrsCase, "repatriation", "exit.iom", Set.of("iom"));
  }

  @Test
  void anExitDuringTheShelterPlacementEndsItAndTellsTheShelterOnce() {
    ProcessInstance nrsCase = cases.withApprovedPlan(false, List.of(), true);
    assertThat(nrsCase).isWaitingAt(NrsCaseProcess.Elements.SHELTER);

    exitWhileOpenAndCheckNothingRemains(nrsCase, "shelter-placement", "exit.cap", Set.of("cap-chisinau"));
  }

  @Test
  void anExitDuringTwoAssistanceServicesEndsBothAndTellsEachProviderOnce() {
    ProcessInstance nrsCase = cases.withApprovedPlan(false, List.of("legal", "medical"), false);
    assertThat(nrsCase).isWaitingAt(NrsCaseProcess.Elements.SERVICES);

    exitWhileOpenAndCheckNothingRemains(nrsCase, "assistance-service", "exit.lastrada", Set.of("la-strada", "cap-chisinau"));
  }

  @Test
  void anExitDuringReintegrationEndsIt() {
    ProcessInstance nrsCase = cases.withApprovedPlan(false, List.of("legal"), false);
    new CaseAutopilot(engine).driveUntil(nrsCase.getBusinessKey(), nrsCase.getId(), NrsCaseProcess.Elements.REINTEGRATION);

    exitWhileOpenAndCheckNothingRemains(nrsCase, "reintegration", "exit.mdt", Set.of("mdt-chisinau"));
  }

  @Test
  void anExitDuringMonitoringEndsItsVisitAndItsTimer() {
    ProcessInstance nrsCase = cases.withApprovedPlan(false, List.of("legal"), false);
    new CaseAutopilot(engine).driveUntil(nrsCase.getBusinessKey(), nrsCase.getId(), NrsCaseProcess.Elements.MONITORING);
    ProcessInstance monitoring = called(nrsCase, "monitoring");
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(monitoring.getId()).timers().list().get(0).getId()); // the first visit falls due

    exitWhileOpenAndCheckNothingRemains(nrsCase, "monitoring", "exit.mdt", Set.of("mdt-chisinau"));
  }

  /**
   * With a task of the called process open and an escalation of the case waiting for the coordinators, an exit
   * proposed by the agency of that task and approved ends all of it: afterwards no instance carries the case
   * code (the "case ended" deliveries, once run, included) and each agency with an open step got one notice.
   */
  private void exitWhileOpenAndCheckNothingRemains(ProcessInstance nrsCase, String calledProcess, String proposer,
      Set<String> agenciesOfTheCalledProcess) {
    String code = nrsCase.getBusinessKey();
    ProcessInstance called = called(nrsCase, calledProcess);
    Set<String> openSteps = openStepAgencies(code);
    assertThat(openSteps).as("a task of " + calledProcess + " is open").containsAll(agenciesOfTheCalledProcess);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(called.getId()).count()).isPositive();
    escalate(code);

    ProcessInstance proposal = propose(nrsCase, proposer, "deceased", null);
    decide(proposal, "exit.coordinator", "approve");

    assertThat(nrsCase).isEnded().hasPassed(NrsCaseProcess.Elements.CASE_ENDED_BY_EXIT);
    assertThat(called).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(called.getId()).count())
        .as("no timer left").isZero();
    List<String> noticed = caseEndedNotices(nrsCase);
    assertThat(noticed).as("one notice per agency").doesNotHaveDuplicates();
    Set<String> expected = new java.util.HashSet<>(openSteps);
    expected.add((String) historicVariable(nrsCase, NrsCaseProcess.RESPONSIBLE_TEAM.name()));
    assertThat(Set.copyOf(noticed)).isEqualTo(expected);
    deliverEverything(code);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).list())
        .as("no active instance carries " + code).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SlaEscalationProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getDeleteReason()).isEqualTo("case ended: deceased");
  }

  // --- helpers

  private ProcessInstance propose(ProcessInstance nrsCase, String user, String reason, Integer attempts) {
    Map<String, Object> form = new HashMap<>();
    form.put(CaseExitProcess.CASE_CODE.name(), nrsCase.getBusinessKey());
    form.put(CaseExitProcess.EXIT_REASON.name(), reason);
    if (attempts != null) {
      form.put(CaseExitProcess.CONTACT_ATTEMPTS.name(), attempts);
    }
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(CaseExitProcess.KEY).latestVersion().singleResult().getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void decide(ProcessInstance proposal, String coordinator, String decision) {
    Task task = approvalTask(proposal);
    engine.getTaskService().setAssignee(task.getId(), coordinator);
    Map<String, Object> form = new HashMap<>(Map.of(CaseExitProcess.EXIT_DECISION.name(), decision));
    if (decision.equals("decline")) {
      form.put(CaseExitProcess.COORDINATOR_COMMENT.name(), "Two more attempts first");
    }
    engine.getTaskService().complete(task.getId(), form);
  }

  private Task approvalTask(ProcessInstance proposal) {
    return engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey(Elements.APPROVE_EXIT).singleResult();
  }

  private ProcessInstance called(ProcessInstance nrsCase, String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(nrsCase.getBusinessKey()).list().get(0);
  }

  private Set<String> openStepAgencies(String code) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).list().stream()
        .flatMap(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream())
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
  }

  /** An overdue step of the case, escalated to the coordinators as the SLA sweep does. */
  private void escalate(String code) {
    PlatformStarts.withBusinessKey(code, () -> engine.getRuntimeService().startProcessInstanceByKey(
        SlaEscalationProcess.KEY, code, Map.of(SlaEscalationProcess.CASE_CODE.name(), code,
            SlaEscalationProcess.OVERDUE_STEP.name(), "Identification interview")));
  }

  /** The delivery jobs of the case's notifications, run as the job executor would. */
  private void deliverEverything(String code) {
    for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey(AgencyNotificationProcess.KEY).list()) {
      var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
          .singleResult();
      if (instance != null && code.equals(instance.getBusinessKey())) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  private List<String> caseEndedNotices(ProcessInstance nrsCase) {
    return outbox.findByCaseCodeOrderByIdAsc(nrsCase.getBusinessKey()).stream()
        .filter(e -> e.getStep().equals(NrsCaseProcess.Elements.TELL_AGENCIES_CASE_ENDED))
        .map(OutboxEntry::getAgencyId).toList();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private long proposals() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseExitProcess.KEY).count();
  }
}
