package md.nrs.referral.custody;

import static md.nrs.referral.testing.ApiProblems.assertProblem;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.reintegration.ReintegrationProcess;
import md.nrs.referral.safetyplan.SafetyPlanProcess;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transferring a case over real HTTP, as the right and the wrong users: after the return from abroad IOM asks
 * ({@code POST /api/cases/{code}/transfers}), the Balti team accepts over /engine-rest, and the case's next step
 * reaches Balti's users only; {@code GET /api/cases/{code}} shows the chain of custody. Every refusal names its
 * field and changes nothing. Run on H2 ({@link CaseTransferOnH2Test}) and PostgreSQL ({@link CaseTransferOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseTransferContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials IOM = basic("ct.iom", PASSWORD);
  static final Credentials BALTI = basic("ct.balti", PASSWORD);
  static final Credentials CHISINAU = basic("ct.chisinau", PASSWORD);
  static final Credentials LA_STRADA = basic("ct.lastrada", PASSWORD);
  static final Credentials COORDINATOR = basic("ct.coordinator", PASSWORD);
  static final Credentials ADMIN = basic("ct.admin", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;
  PlatformHttp http;
  JdbcTemplate jdbc;
  CasesOnTheirWay cases;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    jdbc = new JdbcTemplate(dataSource);
    cases = new CasesOnTheirWay(engine);
    TestUsers.ensure(engine, "ct.iom", PASSWORD, "iom", "caseworkers");
    TestUsers.ensure(engine, "ct.balti", PASSWORD, "mdt-balti", "caseworkers");
    TestUsers.ensure(engine, "ct.chisinau", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "ct.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ct.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "ct.admin", PASSWORD, "camunda-admin");
    try { // the first request of a fresh context may outlast the client's 30 s on a loaded machine: not the test's subject
      http.get("/api/agencies", LA_STRADA);
    } catch (IllegalStateException slowFirstRequest) {
      // the requests of the tests follow on a warm platform
    }
  }

  @Test
  void afterTheReturnIomHandsTheCaseToBaltiWhoseUsersAloneGetTheNextStep() throws Exception {
    ProcessInstance nrsCase = cases.withApprovedPlan(true, List.of("legal"), false);
    String code = nrsCase.getBusinessKey();
    CaseAutopilot autopilot = new CaseAutopilot(engine);
    autopilot.driveUntil(code, nrsCase.getId(), NrsCaseProcess.Elements.SERVICES); // returned: services have started

    Response requested = transfer(code, IOM, "{\"toTeam\":\"mdt-balti\",\"reason\":\"returned-home\"}");

    assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(requested.body());
    assertThat(answer.path("caseCode").asText()).isEqualTo(code);
    assertThat(answer.path("scope").asText()).isEqualTo("case");
    assertThat(answer.path("fromTeam").asText()).isEqualTo("iom");
    assertThat(answer.path("toTeam").asText()).isEqualTo("mdt-balti");
    assertThat(answer.path("status").asText()).isEqualTo("awaiting-acceptance");
    assertThat(answer.path("decision").path("due").asText()).as("due from the SLA table").isNotBlank();
    assertThat(requested.header("Location")).endsWith("/transfers/" + answer.path("transferId").asText());
    assertThat(audited("TRANSFER_REQUESTED", code, "ct.iom", "OK")).isEqualTo(1);

    String decisionTask = answer.path("decision").path("taskId").asText();
    assertThat(tasksOf(code, CHISINAU)).as("not Chisinau's to accept").isEmpty();
    Response accepted = http.post("/engine-rest/task/" + decisionTask + "/submit-form", BALTI,
        PlatformHttp.formSubmission(Map.of(CaseTransferProcess.TRANSFER_DECISION.name(), "accept")));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
    assertThat(audited("TRANSFER_ACCEPTED", code, "ct.balti", "OK")).isEqualTo(1);

    autopilot.driveUntil(code, nrsCase.getId(), NrsCaseProcess.Elements.REINTEGRATION);
    JsonNode baltis = tasksOf(code, BALTI);
    // the case's safety plan moved with the case: its open risk assessment is Balti's too
    assertThat(baltis).extracting(task -> task.path("taskDefinitionKey").asText()).as("Balti's users get the next steps")
        .containsExactlyInAnyOrder(ReintegrationProcess.Elements.PLAN, SafetyPlanProcess.Elements.ASSESS_RISKS);
    String planning = java.util.stream.StreamSupport.stream(baltis.spliterator(), false)
        .filter(task -> task.path("taskDefinitionKey").asText().equals(ReintegrationProcess.Elements.PLAN))
        .findFirst().orElseThrow().path("id").asText();
    assertThat(tasksOf(code, CHISINAU)).as("Chisinau's users see nothing").isEmpty();
    assertThat(tasksOf(code, IOM)).as("nor does IOM any more").isEmpty();
    Response byChisinau = http.post("/engine-rest/task/" + planning + "/complete", CHISINAU, "{}");
    assertThat(byChisinau.status()).as(byChisinau.toString()).isIn(403, 404);
    assertThat(http.get("/engine-rest/task/" + planning, CHISINAU).status()).isIn(403, 404);
    assertThat(http.get("/engine-rest/task/" + planning, BALTI).status()).isEqualTo(200);

    Response view = http.get("/api/cases/" + code, COORDINATOR);
    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    JsonNode caseView = json.readTree(view.body());
    assertThat(caseView.path("responsibleTeam").asText()).isEqualTo("mdt-balti");
    assertThat(caseView.path("custody")).hasSize(1);
    JsonNode link = caseView.path("custody").get(0);
    assertThat(link.path("fromTeam").asText()).isEqualTo("iom");
    assertThat(link.path("toTeam").asText()).isEqualTo("mdt-balti");
    assertThat(link.path("reason").asText()).isEqualTo("returned-home");
    assertThat(link.path("requestedBy").asText()).isEqualTo("ct.iom");
    assertThat(link.path("acceptedBy").asText()).isEqualTo("ct.balti");
    assertThat(link.path("at").asText()).isNotBlank();
    assertThat(http.get("/api/cases/" + code, IOM).status()).as("IOM's history of the case stays readable to it")
        .isEqualTo(200);
  }

  @Test
  void badInputIsA400NamingTheFieldAndChangesNothing() throws Exception {
    String code = cases.refer(false).getBusinessKey();
    String retired = retiredTeam();
    long before = transfers();

    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-nowhere\",\"reason\":\"moved-district\"}"), 400, "toTeam",
        "not an agency or team of the directory");
    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"" + retired + "\",\"reason\":\"moved-district\"}"), 400,
        "toTeam", "not active");
    assertProblem(transfer(code, CHISINAU, "{\"reason\":\"moved-district\"}"), 400, "toTeam", "name the team");
    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-chisinau\",\"reason\":\"moved-district\"}"), 400, "toTeam",
        "already has the case");
    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-balti\"}"), 400, "reason", "give the reason");
    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-balti\",\"reason\":\"bored\"}"), 400, "reason",
        "must be one of");
    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\",\"scope\":\"X!\"}"),
        400, "scope", "must be case");
    assertProblem(transfer("not-a-code", CHISINAU, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\"}"), 400,
        "code", "must be a case code");
    assertProblem(transfer("NRS-2026-987654321", COORDINATOR, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\"}"),
        400, "code", "there is no case");
    assertThat(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-balti\",\"reason\":\"bored\"}").body()).doesNotContain("bored");
    assertThat(transfers()).isEqualTo(before);
    assertThat(responsibleTeam(code)).isEqualTo("mdt-chisinau");
  }

  @Test
  void anAgencyWithoutAPartGets403ForAKnownAndAnUnknownCodeAlike() throws Exception {
    String code = cases.refer(false).getBusinessKey();
    long before = transfers();

    Response referrer = transfer(code, LA_STRADA, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\"}");
    Response unknown = transfer("NRS-2026-987654321", LA_STRADA, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\"}");

    assertProblem(referrer, 403, null, "no part in case " + code);
    assertThat(unknown.status()).as("no oracle of codes").isEqualTo(403);
    assertThat(transfers()).isEqualTo(before);
    assertThat(audited("TRANSFER_REQUESTED", code, "ct.lastrada", "REFUSED")).isEqualTo(1);
  }

  @Test
  void aPendingTransferOrAnEndedCaseIsA409() throws Exception {
    ProcessInstance nrsCase = cases.refer(false);
    String code = nrsCase.getBusinessKey();
    assertThat(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\"}").status()).isEqualTo(201);

    assertProblem(transfer(code, COORDINATOR, "{\"toTeam\":\"mdt-cahul\",\"reason\":\"moved-district\"}"), 409, "code",
        "already waiting");
    assertThat(transfers(code)).isEqualTo(1);

    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(nrsCase.getId()).correlate(); // the case ends
    engine.getRuntimeService().deleteProcessInstance(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseTransferProcess.KEY).processInstanceBusinessKey(code).singleResult().getId(),
        "the receiving team never answered");
    assertProblem(transfer(code, CHISINAU, "{\"toTeam\":\"mdt-balti\",\"reason\":\"moved-district\"}"), 409, "code",
        "has ended");
  }

  @Test
  void tasklistsStartFormRequestsTooAndRefusesAnAgencyWithoutAPart() throws Exception {
    String code = cases.refer(false).getBusinessKey();
    String start = "/engine-rest/process-definition/key/" + CaseTransferProcess.KEY + "/submit-form";

    Response refused = http.post(start, LA_STRADA, startForm(code, "mdt-balti"));
    Response started = http.post(start, CHISINAU, startForm(code, "mdt-balti"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("caseCode").contains("no part in case");
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(json.readTree(started.body()).path("businessKey").asText()).isEqualTo(code);
    assertThat(transfers(code)).isEqualTo(1);
  }

  // --- helpers

  /** A team the administrator has retired from the directory. */
  private String retiredTeam() {
    String id = "mdt-retired-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = http.post("/api/agencies", ADMIN, "{\"id\":\"" + id + "\",\"name\":\"Retired team\","
        + "\"kind\":\"team\",\"active\":false}");
    assertThat(created.status()).as(created.toString()).isIn(200, 201);
    return id;
  }

  private Response transfer(String code, Credentials who, String body) {
    return http.post("/api/cases/" + code + "/transfers", who, body);
  }

  private JsonNode tasksOf(String code, Credentials who) throws Exception {
    Response tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + code + "&maxResults=50", who);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    return json.readTree(tasks.body());
  }

  private String startForm(String code, String toTeam) throws Exception {
    return json.writeValueAsString(Map.of("variables", Map.of(
        CaseTransferProcess.CASE_CODE.name(), Map.of("value", code, "type", "String"),
        CaseTransferProcess.TRANSFER_SCOPE.name(), Map.of("value", "case", "type", "String"),
        CaseTransferProcess.TO_TEAM.name(), Map.of("value", toTeam, "type", "String"),
        CaseTransferProcess.TRANSFER_REASON.name(), Map.of("value", "moved-district", "type", "String"))));
  }


  private Object responsibleTeam(String code) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
    return engine.getRuntimeService().getVariable(instance, NrsCaseProcess.RESPONSIBLE_TEAM.name());
  }

  private long transfers() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseTransferProcess.KEY)
        .count();
  }

  private long transfers(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseTransferProcess.KEY)
        .processInstanceBusinessKey(code).count();
  }

  private long audited(String action, String code, String actor, String outcome) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = ? and case_code = ? and actor = ? "
        + "and outcome = ?", Long.class, action, code, actor, outcome);
  }
}
