package md.nrs.referral.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.safetyplan.SafetyPlanProcess;
import md.nrs.referral.custody.CaseTransferProcess.Elements;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.reintegration.ReintegrationProcess;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.StartsCasesProcessTest;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Transferring a case (processes/case-transfer.bpmn): the receiving team accepts — the holder's open steps and the
 * steps still to come are its, the old team's are not — or declines, and nothing moves; one service moves alone;
 * after the return from abroad IOM hands the case to the home district's team. Coverage is counted for
 * case-transfer; the case runs for real.
 */
@StartsCasesProcessTest
class CaseTransferProcessTest {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired OutboxRepository outbox;
  @Autowired CustodyChain chain;
  CasesOnTheirWay cases;

  @BeforeEach
  void staffAndAssertions() {
    BpmnAwareTests.init(engine);
    cases = new CasesOnTheirWay(engine);
    TestUsers.ensure(engine, "transfer.chisinau", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "transfer.balti", PASSWORD, "mdt-balti", "caseworkers");
    TestUsers.ensure(engine, "transfer.iom", PASSWORD, "iom", "caseworkers");
    TestUsers.ensure(engine, "transfer.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "transfer.womens", PASSWORD, "womens-initiative", "caseworkers");
    TestUsers.ensure(engine, "transfer.coordinator", PASSWORD, "nrs-coordinators");
  }

  @Test
  void anAcceptedTransferGivesTheOpenStepAndTheStepsToComeToTheNewTeamOnly() {
    ProcessInstance nrsCase = cases.refer(false);
    String code = nrsCase.getBusinessKey();
    Task interview = cases.task(nrsCase);
    engine.getTaskService().claim(interview.getId(), "transfer.chisinau");

    ProcessInstance transfer = request("transfer.chisinau", code, "case", "mdt-balti", "moved-district");
    assertThat(transfer).isWaitingAt(Elements.ACCEPT_TRANSFER).hasBusinessKey(code).variables()
        .containsEntry(CaseTransferProcess.FROM_TEAM.name(), "mdt-chisinau")
        .containsEntry(CaseTransferProcess.REQUESTED_BY.name(), "transfer.chisinau");
    Task acceptance = acceptanceTask(transfer);
    assertThat(acceptance).hasCandidateGroup("mdt-balti");
    assertThat(acceptance.getDueDate()).as("due from the SLA table").isNotNull();
    assertThat(visibleTo("transfer.chisinau", code)).as("nothing moves before the answer: the interview and the risk "
        + "assessment of the case's safety plan").hasSize(2);

    decide(transfer, "transfer.balti", "accept", null);

    assertThat(transfer).isEnded().hasPassed(Elements.HAND_OVER, Elements.CASE_HANDED_OVER)
        .variables().containsEntry(CaseTransferProcess.STEPS_HANDED_OVER.name(), 2);
    assertThat(candidateGroups(cases.task(nrsCase))).containsExactly("mdt-balti");
    assertThat(cases.task(nrsCase).getAssignee()).as("the old team's assignee let go").isNull();
    assertThat(visibleTo("transfer.chisinau", code)).as("the old team's access to the step ends").isEmpty();
    assertThat(visibleTo("transfer.balti", code)).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(NrsCaseProcess.Elements.IDENTIFICATION, SafetyPlanProcess.Elements.ASSESS_RISKS);
    assertThat(engine.getRuntimeService().getVariable(nrsCase.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()))
        .isEqualTo("mdt-balti");

    engine.getTaskService().complete(cases.task(nrsCase).getId(), CasesOnTheirWay.identified());
    assertThat(nrsCase).isWaitingAt(NrsCaseProcess.Elements.CONSENT);
    assertThat(candidateGroups(cases.task(nrsCase))).as("the next step reaches the new team").containsExactly("mdt-balti");

    assertThat(chain.entries(code)).singleElement().satisfies(entry -> {
      assertThat(entry.fromTeam()).isEqualTo("mdt-chisinau");
      assertThat(entry.toTeam()).isEqualTo("mdt-balti");
      assertThat(entry.scope()).isEqualTo("case");
      assertThat(entry.reason()).isEqualTo("moved-district");
      assertThat(entry.requestedBy()).isEqualTo("transfer.chisinau");
      assertThat(entry.acceptedBy()).isEqualTo("transfer.balti");
      assertThat(entry.at()).isNotNull();
    });
    assertThat(notices(code, Elements.HAND_OVER)).containsExactly("mdt-balti", "mdt-chisinau");
  }

  @Test
  void aDeclinedTransferLeavesTheCaseWithItsTeamAndTellsIt() {
    ProcessInstance nrsCase = cases.refer(false);
    String code = nrsCase.getBusinessKey();

    ProcessInstance transfer = request("transfer.coordinator", code, null, "mdt-balti", "moved-district");
    decide(transfer, "transfer.balti", "decline", "not-our-district");

    assertThat(transfer).isEnded().hasPassed(Elements.TELL_REQUESTER_DECLINED, Elements.TRANSFER_DECLINED)
        .hasNotPassed(Elements.HAND_OVER);
    assertThat(candidateGroups(cases.task(nrsCase))).containsExactly("mdt-chisinau");
    assertThat(visibleTo("transfer.balti", code)).isEmpty();
    assertThat(chain.entries(code)).isEmpty();
    assertThat(notices(code, Elements.TELL_REQUESTER_DECLINED)).containsExactly("mdt-chisinau");
  }

  @Test
  void declineNeedsAReason() {
    ProcessInstance transfer = request("transfer.chisinau", cases.refer(false).getBusinessKey(), "case", "mdt-balti",
        "moved-district");

    assertThatThrownBy(() -> decide(transfer, "transfer.balti", "decline", null))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("declineReason");
    assertThat(transfer).isWaitingAt(Elements.ACCEPT_TRANSFER);
  }

  @Test
  void afterTheReturnIomHandsTheCaseToTheHomeDistrictsTeamWhoseStepsFollow() {
    ProcessInstance nrsCase = cases.withApprovedPlan(true, List.of("legal"), false);
    String code = nrsCase.getBusinessKey();
    CaseAutopilot autopilot = new CaseAutopilot(engine);
    autopilot.driveUntil(code, nrsCase.getId(), NrsCaseProcess.Elements.SERVICES);
    assertThat(engine.getRuntimeService().getVariable(nrsCase.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()))
        .isEqualTo("iom");

    ProcessInstance transfer = request("transfer.iom", code, "case", "mdt-balti", "returned-home");
    decide(transfer, "transfer.balti", "accept", null);
    autopilot.driveUntil(code, nrsCase.getId(), NrsCaseProcess.Elements.REINTEGRATION);

    Task planning = engine.getTaskService().createTaskQuery().processDefinitionKey(ReintegrationProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
    assertThat(candidateGroups(planning)).containsExactly("mdt-balti");
    assertThat(visibleTo("transfer.iom", code)).isEmpty();
    assertThat(chain.entries(code)).extracting(CustodyChain.Entry::fromTeam, CustodyChain.Entry::toTeam)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("iom", "mdt-balti"));
  }

  @Test
  void oneServiceMovesToAnotherProviderAndTheRestOfTheCaseStays() {
    ProcessInstance nrsCase = cases.withApprovedPlan(false, List.of("legal"), false);
    String code = nrsCase.getBusinessKey();
    ProcessInstance legal = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(AssistanceServiceProcess.KEY).processInstanceBusinessKey(code).singleResult();
    String provider = (String) engine.getRuntimeService().getVariable(legal.getId(),
        AssistanceServiceProcess.PROVIDER_AGENCY.name());
    String providerUser = "la-strada".equals(provider) ? "transfer.lastrada" : "transfer.coordinator";
    String newProvider = "la-strada".equals(provider) ? "womens-initiative" : "la-strada";

    ProcessInstance transfer = request(providerUser, code, "legal", newProvider, "better-placed");
    decide(transfer, "la-strada".equals(newProvider) ? "transfer.lastrada" : "transfer.womens", "accept", null);

    assertThat(transfer).hasPassed(Elements.CASE_HANDED_OVER);
    assertThat(engine.getRuntimeService().getVariable(legal.getId(), AssistanceServiceProcess.PROVIDER_AGENCY.name()))
        .isEqualTo(newProvider);
    Task answer = engine.getTaskService().createTaskQuery().processInstanceId(legal.getId()).singleResult();
    assertThat(candidateGroups(answer)).containsExactly(newProvider);
    assertThat(engine.getRuntimeService().getVariable(nrsCase.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()))
        .as("the case itself stays with its team").isEqualTo("mdt-chisinau");
    assertThat(chain.entries(code)).singleElement().extracting(CustodyChain.Entry::scope).isEqualTo("legal");
  }

  @Test
  void aCaseThatEndedWhileTheTeamDecidedHasNothingToHandOver() {
    ProcessInstance nrsCase = cases.refer(false);
    ProcessInstance transfer = request("transfer.chisinau", nrsCase.getBusinessKey(), "case", "mdt-balti",
        "moved-district");
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(nrsCase.getId()).correlate(); // the person withdrew consent in the meantime

    decide(transfer, "transfer.balti", "accept", null);

    assertThat(transfer).isEnded().hasPassed(Elements.NOTHING_TO_HAND_OVER, Elements.CASE_NO_LONGER_OPEN)
        .hasNotPassed(Elements.CASE_HANDED_OVER);
    assertThat(chain.entries(nrsCase.getBusinessKey())).isEmpty();
  }

  @Test
  void onlyTheHolderAsksForAnActiveTeamOfTheDirectoryOneTransferAtATime() {
    ProcessInstance nrsCase = cases.refer(false);
    String code = nrsCase.getBusinessKey();
    long before = transfers();

    assertRefused(() -> request("transfer.lastrada", code, "case", "mdt-balti", "moved-district"), "caseCode",
        "no part in case " + code);
    assertRefused(() -> request("transfer.chisinau", code, "case", "mdt-nowhere", "moved-district"), "toTeam",
        "not an agency or team of the directory");
    assertRefused(() -> request("transfer.chisinau", code, "case", "mdt-chisinau", "moved-district"), "toTeam",
        "already has the case");
    assertRefused(() -> request("transfer.chisinau", code, "legal", "la-strada", "better-placed"), "transferScope",
        "no running legal service");
    assertThat(transfers()).as("nothing started").isEqualTo(before);

    request("transfer.chisinau", code, "case", "mdt-balti", "moved-district");
    assertRefused(() -> request("transfer.coordinator", code, "case", "mdt-cahul", "moved-district"), "caseCode",
        "already waiting");
  }

  @Test
  void anEndedCaseIsNotTransferred() {
    ProcessInstance nrsCase = cases.refer(false);
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(nrsCase.getId()).correlate();

    assertRefused(() -> request("transfer.chisinau", nrsCase.getBusinessKey(), "case", "mdt-balti", "moved-district"),
        "caseCode", "has ended");
  }

  // --- helpers

  private ProcessInstance request(String user, String code, String scope, String toTeam, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put(CaseTransferProcess.CASE_CODE.name(), code);
    form.put(CaseTransferProcess.TRANSFER_SCOPE.name(), scope == null ? CaseTransferProcess.SCOPE_CASE : scope);
    form.put(CaseTransferProcess.TO_TEAM.name(), toTeam);
    form.put(CaseTransferProcess.TRANSFER_REASON.name(), reason);
    authenticate(user);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(CaseTransferProcess.KEY).latestVersion().singleResult().getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void decide(ProcessInstance transfer, String user, String decision, String declineReason) {
    Task task = acceptanceTask(transfer);
    Map<String, Object> form = new HashMap<>(Map.of(CaseTransferProcess.TRANSFER_DECISION.name(), decision));
    if (declineReason != null) {
      form.put(CaseTransferProcess.DECLINE_REASON.name(), declineReason);
    }
    authenticate(user);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void assertRefused(Runnable request, String field, String message) {
    assertThatThrownBy(request::run)
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining(field).hasMessageContaining(message);
  }

  private void authenticate(String user) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
  }

  /** The open tasks of the case this user may see, as Tasklist asks (authorizations on). */
  private List<Task> visibleTo(String user, String code) {
    authenticate(user);
    try {
      return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).listPage(0, 100);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Task acceptanceTask(ProcessInstance transfer) {
    return engine.getTaskService().createTaskQuery().processInstanceId(transfer.getId())
        .taskDefinitionKey(Elements.ACCEPT_TRANSFER).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private List<String> notices(String code, String step) {
    return outbox.findByCaseCodeOrderByIdAsc(code).stream().filter(e -> e.getStep().equals(step))
        .map(OutboxEntry::getAgencyId).toList();
  }

  private long transfers() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseTransferProcess.KEY)
        .count();
  }
}
