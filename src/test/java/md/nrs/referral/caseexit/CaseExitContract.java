package md.nrs.referral.caseexit;

import static md.nrs.referral.testing.ApiProblems.assertProblem;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proposing to end a case over real HTTP, as the right and the wrong users: the team with an open step proposes
 * ({@code POST /api/cases/{code}/exit-proposals} or Tasklist's start form on /engine-rest), a coordinator other
 * than the proposer decides over /engine-rest; every refusal names its field and changes nothing.
 * Run on H2 ({@link CaseExitOnH2Test}) and PostgreSQL ({@link CaseExitOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseExitContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials MDT = basic("ce.mdt", PASSWORD);
  static final Credentials IOM = basic("ce.iom", PASSWORD);
  static final Credentials LA_STRADA = basic("ce.lastrada", PASSWORD);
  static final Credentials COORDINATOR = basic("ce.coordinator", PASSWORD);
  static final Credentials OTHER_COORDINATOR = basic("ce.coordinator2", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;
  PlatformHttp http;
  JdbcTemplate jdbc;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    jdbc = new JdbcTemplate(dataSource);
    TestUsers.ensure(engine, "ce.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "ce.iom", PASSWORD, "iom", "caseworkers");
    TestUsers.ensure(engine, "ce.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ce.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "ce.coordinator2", PASSWORD, "nrs-coordinators");
    try { // the first request of a fresh context may outlast the client's 30 s on a loaded machine: not the test's subject
      http.get("/api/agencies", LA_STRADA);
    } catch (IllegalStateException slowFirstRequest) {
      // the requests of the tests follow on a warm platform
    }
  }

  @Test
  void theTeamWithAnOpenStepProposesAndAnotherCoordinatorApprovesSoTheCaseEnds() throws Exception {
    String code = referredCase();

    Response proposed = propose(code, MDT, "{\"reason\":\"lost-contact\",\"contactAttempts\":3}");

    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(proposed.body());
    assertThat(answer.path("caseCode").asText()).isEqualTo(code);
    assertThat(answer.path("reason").asText()).isEqualTo("lost-contact");
    assertThat(answer.path("proposingAgency").asText()).isEqualTo("mdt-chisinau");
    assertThat(answer.path("status").asText()).isEqualTo("awaiting-approval");
    assertThat(answer.path("approval").path("candidateGroup").asText()).isEqualTo("nrs-coordinators");
    assertThat(answer.path("approval").path("due").asText()).as("due from the SLA table").isNotBlank();
    assertThat(proposed.header("Location")).endsWith("/exit-proposals/" + answer.path("proposalId").asText());
    assertThat(audited(code, "ce.mdt", "OK")).isEqualTo(1);
    assertThat(caseIsOpen(code)).isTrue();

    Task approval = engine.getTaskService().createTaskQuery().taskId(answer.path("approval").path("taskId").asText())
        .singleResult();
    Response decided = http.post("/engine-rest/task/" + approval.getId() + "/submit-form", COORDINATOR,
        PlatformHttp.formSubmission(Map.of(CaseExitProcess.EXIT_DECISION.name(), "approve")));
    assertThat(decided.status()).as(decided.toString()).isEqualTo(204);
    assertThat(caseIsOpen(code)).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from nrs_outbox where case_code = ? and step = ?", Long.class, code,
        NrsCaseProcess.Elements.TELL_AGENCIES_CASE_ENDED)).isEqualTo(1);

    Response again = propose(code, MDT, "{\"reason\":\"deceased\"}");
    assertProblem(again, 409, "code", "has ended");
  }

  @Test
  void aCoordinatorWhoProposedCannotApproveAnotherCoordinatorCan() throws Exception {
    String code = referredCase();
    Response proposed = propose(code, COORDINATOR, "{\"reason\":\"not-a-victim\"}");
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    String taskId = json.readTree(proposed.body()).path("approval").path("taskId").asText();
    String approve = PlatformHttp.formSubmission(Map.of(CaseExitProcess.EXIT_DECISION.name(), "approve"));

    Response ownApproval = http.post("/engine-rest/task/" + taskId + "/submit-form", COORDINATOR, approve);
    assertThat(ownApproval.status()).as(ownApproval.toString()).isEqualTo(400);
    assertThat(ownApproval.body()).contains("someone other than its proposer");
    assertThat(caseIsOpen(code)).isTrue();

    Response otherApproval = http.post("/engine-rest/task/" + taskId + "/submit-form", OTHER_COORDINATOR, approve);
    assertThat(otherApproval.status()).as(otherApproval.toString()).isEqualTo(204);
    assertThat(caseIsOpen(code)).isFalse();
  }

  @Test
  void anAgencyWithoutAnOpenStepGets403AndNothingStarts() throws Exception {
    String code = referredCase();
    long before = proposals();

    Response iom = propose(code, IOM, "{\"reason\":\"deceased\"}");
    Response referrer = propose(code, LA_STRADA, "{\"reason\":\"deceased\"}");
    Response unknownForIom = propose("NRS-2026-987654321", IOM, "{\"reason\":\"deceased\"}");

    assertProblem(iom, 403, null, "no open step on case " + code);
    assertThat(referrer.status()).as("referring is not working the case: " + referrer).isEqualTo(403);
    assertThat(unknownForIom.status()).as("no oracle of codes").isEqualTo(403);
    assertThat(proposals()).isEqualTo(before);
    assertThat(audited(code, "ce.iom", "REFUSED")).isEqualTo(1);
  }

  @Test
  void badInputIsA400NamingTheFieldAndChangesNothing() throws Exception {
    String code = referredCase();
    long before = proposals();

    assertProblem(propose(code, MDT, "{}"), 400, "reason", "give the reason");
    assertProblem(propose(code, MDT, "{\"reason\":\"bored\"}"), 400, "reason", "must be one of");
    assertProblem(propose(code, MDT, "{\"reason\":\"lost-contact\",\"contactAttempts\":2}"), 400, "contactAttempts",
        "at least 3 documented attempts");
    assertProblem(propose(code, MDT, "{\"reason\":\"lost-contact\"}"), 400, "contactAttempts", "at least 3");
    assertProblem(propose(code, MDT, "{\"reason\":\"deceased\",\"contactAttempts\":-1}"), 400, "contactAttempts", "0 or more");
    assertProblem(propose("NRS-2026-987654321", COORDINATOR, "{\"reason\":\"deceased\"}"), 400, "code", "there is no case");
    assertProblem(propose("not-a-code", MDT, "{\"reason\":\"deceased\"}"), 400, "code", "must be a case code");
    assertThat(propose(code, MDT, "{\"reason\":\"bored\"}").body()).doesNotContain("bored");
    assertThat(proposals()).isEqualTo(before);
    assertThat(caseIsOpen(code)).isTrue();
  }

  @Test
  void aSecondProposalWhileOneWaitsIsA409() throws Exception {
    String code = referredCase();
    assertThat(propose(code, MDT, "{\"reason\":\"deceased\"}").status()).isEqualTo(201);

    assertProblem(propose(code, COORDINATOR, "{\"reason\":\"not-a-victim\"}"), 409, "code", "already waiting");
    assertThat(proposals(code)).isEqualTo(1);
  }

  @Test
  void tasklistsStartFormProposesTooAndRefusesAnAgencyWithoutAStep() throws Exception {
    String code = referredCase();
    String start = "/engine-rest/process-definition/key/" + CaseExitProcess.KEY + "/submit-form";

    Response refused = http.post(start, IOM, startForm(code, "deceased"));
    Response started = http.post(start, MDT, startForm(code, "deceased"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("caseCode").contains("no open step");
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(json.readTree(started.body()).path("businessKey").asText()).isEqualTo(code);
    assertThat(proposals(code)).isEqualTo(1);
  }

  // --- helpers

  private String referredCase() throws Exception {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(NrsCaseProcess.CHANNEL.name(), "hotline-la-strada");
    form.put(NrsCaseProcess.LOCATION.name(), "moldova");
    form.put(NrsCaseProcess.CATEGORY.name(), "trafficking");
    form.put(NrsCaseProcess.MINOR.name(), false);
    form.put(NrsCaseProcess.AGE_BAND.name(), "18+");
    form.put(NrsCaseProcess.SEX.name(), "female");
    form.put(NrsCaseProcess.IMMEDIATE_DANGER.name(), false);
    form.put(NrsCaseProcess.REFERRAL_SUMMARY.name(), "Called the hotline");
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form", LA_STRADA,
        PlatformHttp.formSubmission(form));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return json.readTree(started.body()).get("businessKey").asText();
  }

  private Response propose(String code, Credentials who, String body) {
    return http.post("/api/cases/" + code + "/exit-proposals", who, body);
  }

  private String startForm(String code, String reason) throws Exception {
    return json.writeValueAsString(Map.of("variables", Map.of(
        CaseExitProcess.CASE_CODE.name(), Map.of("value", code, "type", "String"),
        CaseExitProcess.EXIT_REASON.name(), Map.of("value", reason, "type", "String"))));
  }


  private boolean caseIsOpen(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).count() == 1;
  }

  private long proposals() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseExitProcess.KEY).count();
  }

  private long proposals(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseExitProcess.KEY)
        .processInstanceBusinessKey(code).count();
  }

  private long audited(String code, String actor, String outcome) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = 'EXIT_PROPOSED' and case_code = ? "
        + "and actor = ? and outcome = ?", Long.class, code, actor, outcome);
  }
}
