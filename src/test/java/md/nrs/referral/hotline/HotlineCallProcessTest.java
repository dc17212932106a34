package md.nrs.referral.hotline;

import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.COUNTRY;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.casepath.NrsCaseProcess.URGENCY;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_BACK_NOTE;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_BACK_OUTCOME;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_LANGUAGE;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_TYPE;
import static md.nrs.referral.hotline.HotlineCallProcess.CASE_CODE;
import static md.nrs.referral.hotline.HotlineCallProcess.FOLLOW_UP_AGREED;
import static md.nrs.referral.hotline.HotlineCallProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.hotline.HotlineCallProcess.MINOR_INVOLVED;
import static md.nrs.referral.hotline.HotlineCallProcess.OPERATOR_AGENCY;
import static md.nrs.referral.hotline.HotlineCallProcess.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.hotline.HotlineCallProcess.Elements;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.StartsCasesProcessTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@StartsCasesProcessTest
class HotlineCallProcessTest {

  private static final Date NOW = Date.from(ZonedDateTime.of(2026, 11, 3, 10, 0, 0, 0, ZoneId.of("Europe/Chisinau")).toInstant());

  @Autowired ProcessEngine engine;

  @BeforeEach
  void bindAssertionsAndStopTheClock() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterEach
  void resetClockAndOperator() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void anSosCallFromTheTransnistriaTrustlineBecomesAnNrsCaseWithItsSourceAndRegion() {
    // an Interaction operator, as Tasklist would start it: the line comes from the operator's group
    engine.getIdentityService().setAuthentication("trustline.operator", List.of("interaction", "caseworkers"));
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY,
        call("ru", "relative-or-friend", "trafficking-suspicion", "transnistria"));
    engine.getIdentityService().clearAuthentication();

    assertThat(call).isWaitingAt(Elements.CALL_BACK)
        .hasPassed(Elements.CLASSIFY_CALL, Elements.START_NRS_CASE)
        .variables().containsEntry(OPERATOR_AGENCY.name(), "interaction").containsEntry(CALL_TYPE.name(), "sos")
        .containsEntry(CALL_LANGUAGE.name(), "ru").containsEntry(REGION.name(), "transnistria");
    String caseCode = scope(call);
    assertThat(caseCode).matches(CaseCodes.FORMAT);

    ProcessInstance nrsCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).singleResult();
    assertThat(nrsCase).isNotNull();
    assertThat(engine.getRuntimeService().getVariables(nrsCase.getId()))
        .containsEntry(CASE_CODE.name(), caseCode)
        .containsEntry(CHANNEL.name(), "trustline-interaction")
        .containsEntry(LOCATION.name(), "transnistria")
        .containsEntry(CATEGORY.name(), "trafficking")
        .containsEntry(SEX.name(), "unknown")
        .containsEntry(RESPONSIBLE_TEAM.name(), "interaction");
    assertThat(nrsCase).isWaitingAt(NrsCaseProcess.Elements.IDENTIFICATION);

    // the call-back is for the trustline, due within 24 hours, and shows the case code
    Task callBack = callBack(call);
    assertThat(callBack).hasCandidateGroup("interaction");
    assertThat(callBack.getDueDate()).isEqualTo(Date.from(NOW.toInstant().plusSeconds(24 * 3600)));
    assertThat(engine.getTaskService().getVariableLocal(callBack.getId(), CASE_CODE.name())).isEqualTo(caseCode);
    engine.getTaskService().complete(callBack.getId(), Map.of(CALL_BACK_OUTCOME.name(), "reached",
        CALL_BACK_NOTE.name(), "Agreed on support"));
    assertThat(call).isEnded().hasPassed(Elements.CALL_FOLLOWED_UP);
  }

  @Test
  void aHotlineCallAboutSomeoneInDangerAbroadStartsAnImmediateCaseAndACallBackWithinTwoHours() {
    Map<String, Object> variables = call("ro", "possible-victim", "working-abroad", "abroad");
    variables.put(OPERATOR_AGENCY.name(), "la-strada");
    variables.put(IMMEDIATE_DANGER.name(), true);
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);

    String caseCode = scope(call);
    assertThat(engine.getRuntimeService().getVariables(caseOf(caseCode).getId()))
        .containsEntry(CHANNEL.name(), "hotline-la-strada").containsEntry(LOCATION.name(), "abroad")
        .containsEntry(COUNTRY.name(), StartNrsCaseFromCall.COUNTRY_NOT_GIVEN).containsEntry(IMMEDIATE_DANGER.name(), true)
        .containsEntry(URGENCY.name(), "immediate");
    Task callBack = callBack(call);
    assertThat(callBack).hasCandidateGroup("la-strada");
    assertThat(callBack.getDueDate()).isEqualTo(Date.from(NOW.toInstant().plusSeconds(2 * 3600)));
  }

  @Test
  void domesticViolenceInvolvingAChildBecomesACaseOnTheDomesticViolencePathway() {
    Map<String, Object> variables = call("ro", "relative-or-friend", "domestic-violence", "moldova");
    variables.put(OPERATOR_AGENCY.name(), "la-strada");
    variables.put(MINOR_INVOLVED.name(), true);
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);

    assertThat(engine.getRuntimeService().getVariables(caseOf(scope(call)).getId()))
        .containsEntry(CATEGORY.name(), "domestic-violence").containsEntry(MINOR.name(), true);
  }

  @Test
  void anInformationCallEndsOnceRecordedWithoutACase() {
    Map<String, Object> variables = call("ro", "possible-victim", "migration-info", "moldova");
    variables.put(OPERATOR_AGENCY.name(), "la-strada");
    variables.put(FOLLOW_UP_AGREED.name(), true); // information calls are never called back
    long casesBefore = cases();
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);

    assertThat(call).isEnded().hasPassed(Elements.CALL_RECORDED).hasNotPassed(Elements.START_NRS_CASE, Elements.CALL_BACK);
    assertThat(history(call, CALL_TYPE.name())).isEqualTo("information");
    assertThat(history(call, CASE_CODE.name())).isNull();
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  void aConsultationWithoutAnAgreedCallBackEndsOnceRecorded() {
    Map<String, Object> variables = call("ru", "professional", "other", "transnistria");
    variables.put(OPERATOR_AGENCY.name(), "interaction");
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);

    assertThat(call).isEnded().hasPassed(Elements.CALL_RECORDED);
    assertThat(history(call, CALL_TYPE.name())).isEqualTo("consultation");
  }

  @Test
  void aConsultationWithAnAgreedCallBackWaitsForTheCallBackWithin48Hours() {
    Map<String, Object> variables = call("ro", "possible-victim", "domestic-violence", "moldova");
    variables.put(OPERATOR_AGENCY.name(), "la-strada");
    variables.put(FOLLOW_UP_AGREED.name(), true);
    long casesBefore = cases();
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);

    assertThat(call).isWaitingAt(Elements.CALL_BACK).hasNotPassed(Elements.START_NRS_CASE)
        .variables().containsEntry(CALL_TYPE.name(), "consultation");
    assertThat(cases()).isEqualTo(casesBefore);
    Task callBack = callBack(call);
    assertThat(callBack).hasCandidateGroup("la-strada");
    assertThat(callBack.getDueDate()).isEqualTo(Date.from(NOW.toInstant().plusSeconds(48 * 3600)));
    engine.getTaskService().complete(callBack.getId(), Map.of(CALL_BACK_OUTCOME.name(), "not-reached"));
    assertThat(call).isEnded().hasPassed(Elements.CALL_FOLLOWED_UP);
  }

  @Test
  void anOperatorOfBothLinesKeepsTheLineTheyChose() {
    engine.getIdentityService().setAuthentication("both.lines", List.of("la-strada", "interaction", "caseworkers"));
    Map<String, Object> variables = call("ru", "other", "migration-info", "transnistria");
    variables.put(OPERATOR_AGENCY.name(), "interaction");
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);
    engine.getIdentityService().clearAuthentication();

    assertThat(history(call, OPERATOR_AGENCY.name())).isEqualTo("interaction");
  }

  @Test
  void staffOfAnAgencyWithoutALineCannotRecordACall() {
    engine.getIdentityService().setAuthentication("cap.staff", List.of("cap-chisinau", "caseworkers"));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY,
        call("ro", "other", "other", "moldova"))).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aCallWithoutALineOrWithAnUnknownLanguageIsRefusedAndNothingStarts() {
    long callsBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY).count();

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY,
        call("ro", "other", "other", "moldova"))).hasMessageContaining("operator's agency");
    Map<String, Object> english = call("en", "other", "other", "moldova");
    english.put(OPERATOR_AGENCY.name(), "la-strada");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, english))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("callLanguage");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY).count())
        .isEqualTo(callsBefore);
  }

  @Test
  void aCallBackWithoutItsOutcomeIsRefusedAndStaysOpen() {
    Map<String, Object> variables = call("ro", "relative-or-friend", "missing-person", "moldova");
    variables.put(OPERATOR_AGENCY.name(), "la-strada");
    ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey(HotlineCallProcess.KEY, variables);
    Task callBack = callBack(call);

    assertThatThrownBy(() -> engine.getTaskService().complete(callBack.getId(), Map.of(CALL_BACK_NOTE.name(), "tried")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("callBackOutcome");
    assertThat(call).isWaitingAt(Elements.CALL_BACK);
  }

  /** The start form as an operator fills it in; mutable so a test adds what it needs. */
  private static Map<String, Object> call(String language, String callerType, String topic, String region) {
    return FormSubmission.of(new RecordHotlineCallForm(language, callerType, topic, region,
        false, false, false, "Caller worried about a job offer"));
  }

  /** The case code noted on a running call. */
  private String scope(ProcessInstance call) {
    return (String) engine.getRuntimeService().getVariable(call.getId(), CASE_CODE.name());
  }

  private ProcessInstance caseOf(String caseCode) {
    assertThat(caseCode).matches(CaseCodes.FORMAT);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
  }

  private Task callBack(ProcessInstance call) {
    return engine.getTaskService().createTaskQuery().processInstanceId(call.getId()).taskDefinitionKey(Elements.CALL_BACK)
        .singleResult();
  }

  private long cases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count();
  }

  private Object history(ProcessInstance call, String variable) {
    var value = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(call.getId())
        .variableName(variable).singleResult();
    return value == null ? null : value.getValue();
  }
}
