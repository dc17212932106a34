package md.nrs.referral.casefile;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.InformedConsentForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.hotline.HotlineCallProcess;
import md.nrs.referral.hotline.RecordHotlineCallForm;
import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 item 2, from the attacker's side over real HTTP: a caseworker of another team tries to make
 * a case "theirs" by starting a process with its case code as business key — over /engine-rest, the
 * webapps' start dialog, a message, a condition, a start at a chosen activity, a restart — and is
 * refused with a 400 naming {@code businessKey}; nothing is created, the case view stays closed to them
 * and they cannot end the case by withdrawing consent. The platform's own starts (intake API, Tasklist
 * start form, SOS call, call activities) keep working. Run on H2 ({@link BusinessKeyAttackOnH2Test}) and
 * PostgreSQL ({@link BusinessKeyAttackOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BusinessKeyAttackContract {

  static final String PASSWORD = "Test#Secret-2026";
  /** A hotline operator of La Strada: may start hotline calls, had no task on the victim's case. */
  static final Credentials LA_STRADA = basic("bk.lastrada", PASSWORD);
  /** The territorial team that interviewed the person and recorded the consent. */
  static final Credentials MDT = basic("bk.mdt", PASSWORD);
  /** The shelter: a task on the case in the called shelter-placement process. */
  static final Credentials CAP = basic("bk.cap", PASSWORD);
  static final Credentials COORDINATOR = basic("bk.coordinator", PASSWORD);
  static final Credentials ADMIN = basic("bk.admin", PASSWORD);
  static final String PERSON_MARKER = "Plamadeala-BKMARK";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired ConsentPolicy policy;
  @Autowired ConsentRegistry consents;
  @LocalServerPort int port;

  PlatformHttp http;
  /** The victim's case: registered, interviewed, consent with the person's details, plan approved. */
  String caseCode;
  String caseInstance;

  @BeforeAll
  void aCaseWorkedByTheMdtAndTheShelter() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "bk.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "bk.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "bk.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "bk.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "bk.admin", PASSWORD, "camunda-admin");
    engine.getRepositoryService().createDeployment().name("business-key-fixtures").enableDuplicateFiltering(true)
        .addClasspathResource("fixtures/agency-task.bpmn").addClasspathResource("fixtures/business-key-starts.bpmn")
        .deploy();

    caseCode = registerAndConsent(List.of("mdt-chisinau", "cap-chisinau", "la-strada"));
    caseInstance = activeCase(caseCode).getId();
    submitOk(caseTask(caseInstance), MDT, FormSubmission.of(new NeedsAssessmentForm(List.of(), true, "Shelter first")));
    submitOk(caseTask(caseInstance), COORDINATOR, Map.of(PLAN_DECISION.name(), "approve"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode)
        .taskCandidateGroup("cap-chisinau").count()).as("the shelter's task in the called process").isEqualTo(1);
  }

  @Test
  void startingAHotlineCallWithAnotherTeamsCaseCodeIs400AndTheCaseStaysClosedToTheCaller() {
    assertThat(http.get("/api/cases/" + caseCode, LA_STRADA).status()).as("before: no task on the case").isEqualTo(403);

    Response start = http.post("/engine-rest/process-definition/key/hotline-call/start", LA_STRADA,
        startBody(caseCode, hotlineCall("working-abroad", true)));

    assertRefused(start);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY)
        .processInstanceBusinessKey(caseCode).count()).isZero();
    Response view = http.get("/api/cases/" + caseCode, LA_STRADA);
    assertThat(view.status()).as(view.toString()).isEqualTo(403);
    assertThat(view.body()).contains("You have no part in this case").doesNotContain(PERSON_MARKER);
    Response withdraw = http.post("/api/cases/" + caseCode + "/consents", LA_STRADA,
        "{\"purpose\":\"assistance\",\"given\":false}");
    assertThat(withdraw.status()).as(withdraw.toString()).isEqualTo(403);
    assertThat(activeCase(caseCode)).as("the case is still open").isNotNull();
    assertThat(consents.current(caseCode, ConsentRegistry.ASSISTANCE)).contains(true);
  }

  @Test
  void theWebappsStartDialogRefusesABusinessKeyButStartsTheSameCallWithoutOne() {
    Credentials tasklist = http.login("tasklist", "bk.lastrada", PASSWORD);
    String path = "/camunda/api/engine/engine/default/process-definition/key/hotline-call/submit-form";

    Response withKey = http.post(path, tasklist, startBody(caseCode, hotlineCall("working-abroad", true)));
    Response withoutKey = http.post(path, tasklist, startBody(null, hotlineCall("working-abroad", true)));

    assertRefused(withKey);
    assertThat(withoutKey.status()).as(withoutKey.toString()).isEqualTo(200);
    String call = read(withoutKey).get("id").asText();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(call).singleResult()
        .getBusinessKey()).as("a call that opened no case carries no code").isNull();
    assertThat(http.get("/api/cases/" + caseCode, LA_STRADA).status()).isEqualTo(403);
  }

  @Test
  void startingASecondNrsCaseWithAnExistingOrAnInventedCodeIs400() {
    String invented = "NRS-2026-" + (900000 + (System.nanoTime() % 99999));
    Map<String, Object> referral = referral();

    Response existingOverRest = http.post("/engine-rest/process-definition/key/nrs-case/start", CAP,
        startBody(caseCode, referral));
    Response existingByForm = http.post("/engine-rest/process-definition/key/nrs-case/submit-form", CAP,
        startBody(caseCode, referral));
    Response inventedByForm = http.post("/engine-rest/process-definition/key/nrs-case/submit-form", CAP,
        startBody(invented, referral));

    assertRefused(existingOverRest);
    assertRefused(existingByForm);
    assertRefused(inventedByForm);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey(NrsCaseProcess.KEY).count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(invented).count())
        .isZero();
  }

  @Test
  void aMessageThatStartsAProcessCannotBringABusinessKeyEvenFromAnAdministrator() {
    Response message = http.post("/engine-rest/message", ADMIN, """
        {"messageName": "CoordinationMeetingDue", "businessKey": "%s",
         "processVariables": {"district": {"value": "chisinau", "type": "String"},
                              "agendaSince": {"value": "2026-01-01", "type": "String"}}}""".formatted(caseCode));

    assertRefused(message);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey("coordination-meeting").count()).isZero();
  }

  @Test
  void aConditionCannotStartAProcessWithABusinessKeyButStartsItWithout() {
    String variables = """
        "variables": {"fixtureWorkWanted": {"value": true, "type": "Boolean"},
                      "agency": {"value": "la-strada", "type": "String"}}""";

    Response withKey = http.post("/engine-rest/condition", ADMIN,
        "{" + variables + ", \"businessKey\": \"" + caseCode + "\"}");
    Response withoutKey = http.post("/engine-rest/condition", ADMIN, "{" + variables + "}");

    assertRefused(withKey);
    assertThat(withoutKey.status()).as(withoutKey.toString()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey("fixture-conditional-start").count()).isZero();
    assertThat(policy.hadTask(caseCode, "la-strada")).isFalse();
  }

  @Test
  void aStartAtAChosenActivityWithoutListenersCannotBringABusinessKey() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey("fixture-agency-task").count();
    Response start = http.post("/engine-rest/process-definition/key/fixture-agency-task/start", ADMIN, """
        {"businessKey": "%s", "skipCustomListeners": true, "skipIoMappings": true,
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "UserTask_AgencyWork"}],
         "variables": {"agency": {"value": "la-strada", "type": "String"}}}""".formatted(caseCode));

    assertRefused(start);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey("fixture-agency-task").count()).isEqualTo(before);
  }

  @Test
  void restartingAnEndedInstanceWithItsBusinessKeyIs400AndWithoutItWorks() {
    String key = "NRS-2026-" + (800000 + (System.nanoTime() % 99999));
    ProcessInstance ended = PlatformStarts.withBusinessKey(key, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, key, Map.<String, Object>of(FixtureAgencyTaskProcess.AGENCY.name(), "iom")));
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(ended.getId())
        .singleResult().getId());
    String restart = "/engine-rest/process-definition/" + ended.getProcessDefinitionId() + "/restart";
    String instructions = """
        "processInstanceIds": ["%s"], "skipCustomListeners": true,
        "instructions": [{"type": "startBeforeActivity", "activityId": "UserTask_AgencyWork"}]""".formatted(ended.getId());

    Response withKey = http.post(restart, ADMIN, "{" + instructions + ", \"initialVariables\": true}");
    assertRefused(withKey);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .as("only the ended one").isEqualTo(1);

    Response withoutKey = http.post(restart, ADMIN, "{" + instructions
        + ", \"initialVariables\": true, \"withoutBusinessKey\": true}");
    assertThat(withoutKey.status()).as(withoutKey.toString()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(ended.getProcessDefinitionId())
        .list()).anyMatch(p -> p.getBusinessKey() == null);
  }

  @Test
  void anInstanceThatMerelyCarriesTheCaseCodeGivesItsAgencyNoTaskOnTheCaseWhileACalledProcessDoes() {
    // as an instance from before this guard would: the code as key, a La Strada task, outside the case's tree
    PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, caseCode, Map.<String, Object>of(FixtureAgencyTaskProcess.AGENCY.name(), "la-strada")));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode)
        .taskCandidateGroup("la-strada").count()).isEqualTo(1);

    Response laStrada = http.get("/api/cases/" + caseCode, LA_STRADA);
    Response shelter = http.get("/api/cases/" + caseCode, CAP);

    assertThat(laStrada.status()).as(laStrada.toString()).isEqualTo(403);
    assertThat(laStrada.body()).contains("You have no part in this case").doesNotContain(PERSON_MARKER);
    assertThat(shelter.status()).as("a task in the called shelter process: " + shelter).isEqualTo(200);
    assertThat(shelter.body()).contains(PERSON_MARKER);
  }

  @Test
  void anAgencyWorkingTheCaseThatDidNotRecordTheConsentCannotChangeConsentToAssistance() {
    Response withdraw = http.post("/api/cases/" + caseCode + "/consents", CAP, "{\"purpose\":\"assistance\",\"given\":false}");
    Response regive = http.post("/api/cases/" + caseCode + "/consents", CAP, "{\"purpose\":\"assistance\",\"given\":true}");
    Response otherPurpose = http.post("/api/cases/" + caseCode + "/consents", CAP,
        "{\"purpose\":\"share-with-agency:cap-chisinau\",\"given\":true}");

    assertThat(withdraw.status()).as(withdraw.toString()).isEqualTo(403);
    assertThat(withdraw.body()).contains("Only the agency that recorded the person's consent to assistance");
    assertThat(regive.status()).as(regive.toString()).isEqualTo(403);
    assertThat(otherPurpose.status()).as("other purposes stay open to agencies on the case").isEqualTo(204);
    assertThat(activeCase(caseCode)).isNotNull();
    assertThat(consents.current(caseCode, ConsentRegistry.ASSISTANCE)).contains(true);
    assertThat(consents.collectingAgency(caseCode)).contains("mdt-chisinau");
  }

  @Test
  void theJavaApiRefusesABusinessKeyWithoutThePlatformsPermitAndACallActivityPassesItDown() {
    String key = "NRS-2026-" + (700000 + (System.nanoTime() % 99999));
    Map<String, Object> agency = Map.of(FixtureAgencyTaskProcess.AGENCY.name(), "iom");

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, key, agency))
        .isInstanceOf(BusinessKeyRefused.class).hasMessageContaining("businessKey").hasMessageNotContaining(key);
    ProcessInstance caller = PlatformStarts.withBusinessKey(key,
        () -> engine.getRuntimeService().startProcessInstanceByKey("fixture-calls-agency-task", key, agency));
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .singleResult();
    assertThat(called.getBusinessKey()).isEqualTo(key);
    assertThatThrownBy(() -> PlatformStarts.withBusinessKey(key, () -> {
      engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, key, agency);
      return engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, key, agency);
    })).as("a permit is good for one start").isInstanceOf(BusinessKeyRefused.class);
  }

  @Test
  void theIntakeApiAndAnSosCallStillOpenCasesUnderPlatformCodes() throws Exception {
    Response intake = http.post("/api/referrals", LA_STRADA, """
        {"sourceReference": "BK-%d", "channel": "ngo", "location": "moldova", "category": "trafficking",
         "minor": false, "sex": "female", "ageBand": "18+", "immediateDanger": false, "referralSummary": "At the station"}
        """.formatted(System.nanoTime()));
    Response sos = http.post("/engine-rest/process-definition/key/hotline-call/start", LA_STRADA,
        startBody(null, hotlineCall("trafficking-suspicion", false)));

    assertThat(intake.status()).as(intake.toString()).isEqualTo(201);
    String intakeCode = read(intake).get("caseCode").asText();
    assertThat(intakeCode).matches(CaseCodes.FORMAT);
    assertThat(activeCase(intakeCode)).isNotNull();
    assertThat(sos.status()).as(sos.toString()).isEqualTo(200);
    String sosCode = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(read(sos).get("id").asText()).singleResult().getBusinessKey();
    assertThat(sosCode).matches(CaseCodes.FORMAT).isNotEqualTo(intakeCode);
    assertThat(activeCase(sosCode)).as("the SOS call opened a case").isNotNull();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void theConsentHoldingAgencyAndACoordinatorMayWithdrawConsentToAssistance() {
    String second = registerAndConsent(List.of("mdt-chisinau"));

    Response byCoordinator = http.post("/api/cases/" + second + "/consents", COORDINATOR,
        "{\"purpose\":\"assistance\",\"given\":false}");
    Response byHolder = http.post("/api/cases/" + caseCode + "/consents", MDT, "{\"purpose\":\"assistance\",\"given\":false}");

    assertThat(byCoordinator.status()).as(byCoordinator.toString()).isEqualTo(204);
    assertThat(byHolder.status()).as(byHolder.toString()).isEqualTo(204);
    assertThat(activeCase(second)).as("ended by the coordinator").isNull();
    assertThat(activeCase(caseCode)).as("ended by the agency holding the consent").isNull();
  }

  // --- the case path, as Tasklist drives it

  private String registerAndConsent(List<String> shareWith) {
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form", MDT,
        startBody(null, referral()));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String code = read(started).get("businessKey").asText();
    assertThat(code).matches(CaseCodes.FORMAT);
    String instance = activeCase(code).getId();
    submitOk(caseTask(instance), MDT, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    Map<String, Object> consent = FormSubmission.of(new InformedConsentForm(true, "given", shareWith, false, false,
        null, "Zorina", PERSON_MARKER, null, null, null, null, null, null, null));
    submitOk(caseTask(instance), MDT, consent);
    return code;
  }

  private static Map<String, Object> referral() {
    return FormSubmission.of(new RegisterReferralForm("ngo", "moldova", null, "trafficking",
        "18+", false, "female", false, "Met at the bus station"));
  }

  private static Map<String, Object> hotlineCall(String topic, boolean followUpAgreed) {
    return FormSubmission.of(new RecordHotlineCallForm("ro", "relative-or-friend", topic,
        "moldova", false, false, followUpAgreed, "Worried about a job offer"));
  }

  private ProcessInstance activeCase(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
  }

  private Task caseTask(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN)
        .singleResult();
  }

  private void submitOk(Task task, Credentials who, Map<String, Object> form) {
    Response response = http.post("/engine-rest/task/" + task.getId() + "/submit-form", who, startBody(null, form));
    assertThat(response.status()).as(task.getTaskDefinitionKey() + ": " + response).isEqualTo(204);
  }

  /** The refusal: 400, naming businessKey, never repeating the key that was sent. */
  private void assertRefused(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains("businessKey").doesNotContain(caseCode);
  }

  /** A start or form body as the engine APIs take it: typed variables, and a business key if given. */
  private String startBody(String businessKey, Map<String, Object> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> {
      try {
        variables.put(name, value instanceof List<?>
            ? Map.of("value", json.writeValueAsString(value), "type", "Json")
            : Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", variables);
    if (businessKey != null) {
      body.put("businessKey", businessKey);
    }
    try {
      return json.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(Response response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(response.toString(), e);
    }
  }
}
