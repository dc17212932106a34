package md.nrs.referral.reopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.custody.CaseTransferProcess;
import md.nrs.referral.custody.HandOverCase;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.privacy.retention.Anonymisation;
import md.nrs.referral.reopening.CaseReopeningProcess.Elements;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.StartsCasesProcessTest;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reopening a closed case (processes/case-reopening.bpmn): the same code, a new nrs-case instance linked to the
 * closed one and counted, the consents asked again before anything recorded is shared; refused for a case that is
 * not closed, by a team that never had it, and after anonymisation. Coverage is counted for case-reopening.
 */
@StartsCasesProcessTest
class CaseReopeningProcessTest {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired ConsentRegistry consents;
  @Autowired PersonalDataVault vault;
  @Autowired Anonymisation anonymisation;
  @Autowired HandOverCase handOver;
  CasesOnTheirWay cases;

  @BeforeEach
  void staffAndAssertions() {
    BpmnAwareTests.init(engine);
    cases = new CasesOnTheirWay(engine);
    TestUsers.ensure(engine, "reopen.chisinau", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "reopen.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "reopen.balti", PASSWORD, "mdt-balti", "caseworkers");
    TestUsers.ensure(engine, "reopen.coordinator", PASSWORD, "nrs-coordinators");
  }

  @Test
  void aClosedCaseReopensWithItsCodeLinkedAndCountedAndItsConsentAskedAgain() {
    ProcessInstance closed = closedCase();
    String code = closed.getBusinessKey();
    assertThat(consents.current(code, ConsentRegistry.ASSISTANCE)).contains(true);

    ProcessInstance reopening = reopen("reopen.chisinau", code, "asked-for-help-again");

    assertThat(reopening).isEnded().hasPassed(Elements.REOPEN_CASE, Elements.CASE_REOPENED);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(reopening.getId())
        .singleResult().getBusinessKey()).isEqualTo(code);
    ProcessInstance reopened = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(code).singleResult();
    assertThat(reopened.getId()).isNotEqualTo(closed.getId());
    assertThat(reopened).isWaitingAt(NrsCaseProcess.Elements.IDENTIFICATION).variables()
        .containsEntry(CaseReopeningProcess.REOPENING.name(), 1)
        .containsEntry(CaseReopeningProcess.REOPENED_FROM.name(), closed.getId())
        .containsEntry(NrsCaseProcess.CASE_CODE.name(), code)
        .containsEntry(NrsCaseProcess.RESPONSIBLE_TEAM.name(), "mdt-chisinau");
    assertThat(consents.current(code, ConsentRegistry.ASSISTANCE)).as("set aside until confirmed again").contains(false);
    assertThat(consents.current(code, ConsentRegistry.shareWith("la-strada"))).contains(false);

    engine.getTaskService().complete(cases.task(reopened).getId(), CasesOnTheirWay.identified());
    engine.getTaskService().complete(cases.task(reopened).getId(), InformedConsent.given("la-strada").submission());
    assertThat(consents.current(code, ConsentRegistry.ASSISTANCE)).as("confirmed again").contains(true);
    assertThat(consents.current(code, ConsentRegistry.shareWith("la-strada"))).contains(true);
  }

  @Test
  void aCaseTransferredBeforeItEndedReopensWithTheTeamThatHadItLast() {
    ProcessInstance nrsCase = cases.refer(false);
    String code = nrsCase.getBusinessKey();
    handOver.handOver(engine, nrsCase.getId(), code, CaseTransferProcess.SCOPE_CASE, "mdt-chisinau", "mdt-balti");
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(nrsCase.getId()).correlate();

    assertRefused(() -> reopen("reopen.chisinau", code, "asked-for-help-again"), "caseCode", "no part in case");
    reopen("reopen.balti", code, "asked-for-help-again");

    ProcessInstance reopened = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(code).singleResult();
    assertThat(engine.getRuntimeService().getVariable(reopened.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()))
        .isEqualTo("mdt-balti");
    assertThat(engine.getTaskService().getIdentityLinksForTask(cases.task(reopened).getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("mdt-balti");
  }

  @Test
  void aChildWhoHasTurnedEighteenSinceIsReopenedAsAnAdultAndAChildStillUnderEighteenAsAChild() {
    String adultNow = closedChildCase(LocalDate.now(PlatformClock.zone()).minusYears(19));
    String stillAChild = closedChildCase(LocalDate.now(PlatformClock.zone()).minusYears(15));

    reopen("reopen.chisinau", adultNow, "asked-for-help-again");
    reopen("reopen.chisinau", stillAChild, "asked-for-help-again");

    assertThat(reopenedCase(adultNow)).variables().containsEntry(NrsCaseProcess.MINOR.name(), false)
        .containsEntry(NrsCaseProcess.AGE_BAND.name(), "18+");
    assertThat(reopenedCase(stillAChild)).variables().containsEntry(NrsCaseProcess.MINOR.name(), true)
        .containsEntry(NrsCaseProcess.AGE_BAND.name(), "7-17");
  }

  @Test
  void aSecondReopeningCountsTwo() {
    ProcessInstance closed = closedCase();
    String code = closed.getBusinessKey();
    reopen("reopen.coordinator", code, "re-trafficked");
    ProcessInstance first = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(code).singleResult();
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(first.getId()).correlate(); // ended again

    ProcessInstance second = reopen("reopen.coordinator", code, "unmet-needs");

    assertThat(second).variables().containsEntry(CaseReopeningProcess.REOPENING.name(), 2)
        .containsEntry(CaseReopeningProcess.REOPENED_FROM.name(), first.getId());
  }

  @Test
  void aCaseThatIsNotClosedOrThatTheTeamNeverHadIsNotReopened() {
    ProcessInstance open = cases.refer(false);
    long before = reopenings();

    assertRefused(() -> reopen("reopen.chisinau", open.getBusinessKey(), "asked-for-help-again"), "caseCode",
        "is not closed");
    ProcessInstance closed = closedCase();
    assertRefused(() -> reopen("reopen.lastrada", closed.getBusinessKey(), "asked-for-help-again"), "caseCode",
        "no part in case");
    assertRefused(() -> reopen("reopen.chisinau", closed.getBusinessKey(), "bored"), "reopeningReason", "");
    assertThat(reopenings()).isEqualTo(before);
  }

  @Test
  void aCaseAnonymisedAfterItsRetentionPeriodIsNotReopened() {
    ProcessInstance closed = closedCase();
    String code = closed.getBusinessKey();
    vault.store(code, new PersonRecord("Ana", "Reopening-Fixture", null, null, null, null, null, null, null, null),
        "reopen.chisinau", "mdt-chisinau");
    anonymisation.anonymiseEndedBefore(Instant.now().plusSeconds(60)); // as if its retention period were over
    assertThat(vault.anonymised(code)).isTrue();

    assertRefused(() -> reopen("reopen.chisinau", code, "asked-for-help-again"), "caseCode",
        "was anonymised after its retention period and cannot be reopened");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).count()).isZero();
  }

  // --- helpers

  /** A child's case (7-17 at referral) with the person's date of birth in the vault, ended by withdrawn consent. */
  private String closedChildCase(LocalDate bornOn) {
    Map<String, Object> form = new HashMap<>(Map.of(NrsCaseProcess.CHANNEL.name(), "police-cctp",
        NrsCaseProcess.LOCATION.name(), "moldova", NrsCaseProcess.CATEGORY.name(), "trafficking",
        NrsCaseProcess.MINOR.name(), true, NrsCaseProcess.AGE_BAND.name(), "7-17", NrsCaseProcess.SEX.name(), "female",
        NrsCaseProcess.IMMEDIATE_DANGER.name(), false, NrsCaseProcess.REFERRAL_SUMMARY.name(), "Child found at the border"));
    ProcessInstance child = engine.getFormService().submitStartForm(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId(), form);
    String code = child.getBusinessKey();
    vault.store(code, new PersonRecord("Ana", "Reopening-Child", bornOn, null, null, null, null, null, null, null),
        "reopen.chisinau", "mdt-chisinau");
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(child.getId()).correlate();
    assertThat(child).isEnded();
    return code;
  }

  private ProcessInstance reopenedCase(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
  }

  /** A case of the Chisinau team, assisted and closed with the coordinator's approval. */
  private ProcessInstance closedCase() {
    ProcessInstance nrsCase = cases.withApprovedPlan(false, List.of("legal"), false);
    new CaseAutopilot(engine).driveUntil(nrsCase.getBusinessKey(), nrsCase.getId(), NrsCaseProcess.Elements.PROPOSE_CLOSURE);
    completeAs(nrsCase, "reopen.chisinau", Map.of(NrsCaseProcess.CLOSURE_REASON.name(), "goals-achieved"));
    completeAs(nrsCase, "reopen.coordinator", Map.of(NrsCaseProcess.CLOSURE_DECISION.name(), "approve"));
    assertThat(nrsCase).isEnded().hasPassed(NrsCaseProcess.Elements.CASE_CLOSED);
    return nrsCase;
  }

  private void completeAs(ProcessInstance instance, String user, Map<String, Object> form) {
    Task task = cases.task(instance);
    engine.getTaskService().claim(task.getId(), user);
    engine.getTaskService().complete(task.getId(), form);
  }

  private ProcessInstance reopen(String user, String code, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put(CaseReopeningProcess.CASE_CODE.name(), code);
    form.put(CaseReopeningProcess.REOPENING_REASON.name(), reason);
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(CaseReopeningProcess.KEY).latestVersion().singleResult().getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void assertRefused(Runnable request, String field, String message) {
    assertThatThrownBy(request::run)
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining(field).hasMessageContaining(message);
  }

  private long reopenings() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseReopeningProcess.KEY)
        .count();
  }
}
