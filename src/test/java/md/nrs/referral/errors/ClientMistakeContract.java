package md.nrs.referral.errors;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 item 6, from the attacker's side: every client mistake that used to be a 500 (or a 400 without
 * a word) is a 4xx whose JSON body names the problem, and a task of another agency is answered exactly as a
 * task that does not exist. Run on H2 ({@link ClientMistakeOnH2Test}) and PostgreSQL ({@link ClientMistakeOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientMistakeContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials LA_STRADA = basic("cm.lastrada", PASSWORD);
  static final Credentials LA_STRADA_COLLEAGUE = basic("cm.lastrada2", PASSWORD);
  static final Credentials CAP = basic("cm.cap", PASSWORD);
  static final Credentials AUDITOR = basic("cm.auditor", PASSWORD);
  static final Credentials SECRETARIAT = basic("cm.secretariat", PASSWORD);
  static final String MISSING_TASK = "00000000-0000-0000-0000-000000000000";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  PlatformHttp http;

  @BeforeAll
  void usersAndFixture() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "cm.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "cm.lastrada2", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "cm.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "cm.auditor", PASSWORD, "auditors");
    TestUsers.ensure(engine, "cm.secretariat", PASSWORD, "permanent-secretariat");
    engine.getRepositoryService().createDeployment().name("client-mistake-fixture")
        .addClasspathResource("fixtures/agency-task.bpmn").enableDuplicateFiltering(true).deploy();
  }

  @Test
  void completingATaskThatDoesNotExistIs404WithAMessage() {
    Response response = http.post("/engine-rest/task/" + MISSING_TASK + "/complete", LA_STRADA, "{}");

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(message(response)).contains("task");
  }

  @Test
  void submittingTheFormOfATaskThatDoesNotExistInTasklistIs404WithAMessage() {
    PlatformHttp.WebappSession tasklist = http.login("tasklist", "cm.lastrada", PASSWORD);

    Response response = http.post("/camunda/api/engine/engine/default/task/" + MISSING_TASK + "/submit-form", tasklist,
        "{\"variables\":{}}");

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(message(response)).contains("task");
  }

  @Test
  void aNegativeFirstResultIs400NamingIt() {
    Response response = http.get("/engine-rest/task?firstResult=-5&maxResults=10", LA_STRADA);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(message(response)).contains("firstResult");
  }

  @Test
  void aNegativeOrHugeMaxResultsIs400NamingIt() {
    Response negative = http.get("/engine-rest/task?maxResults=-1", LA_STRADA);
    Response huge = http.get("/engine-rest/process-instance?maxResults=99999999999", LA_STRADA);
    Response text = http.post("/engine-rest/task?firstResult=abc", LA_STRADA, "{}");

    assertThat(negative.status()).as(negative.toString()).isEqualTo(400);
    assertThat(message(negative)).contains("maxResults");
    assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
    assertThat(message(huge)).contains("maxResults");
    assertThat(text.status()).as(text.toString()).isEqualTo(400);
    assertThat(message(text)).contains("firstResult");
  }

  @Test
  void anAuditPageBeyondTheLastPossibleOneIs400NamingPage() {
    Response response = http.get("/api/audit?page=2147483647", AUDITOR);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(message(response)).contains("page");
  }

  @Test
  void deletingAnotherAgencysTaskIsAnsweredExactlyAsDeletingATaskThatDoesNotExist() {
    String laStradasTask = agencyTask("la-strada");

    Response other = http.delete("/engine-rest/task/" + laStradasTask, CAP);
    Response missing = http.delete("/engine-rest/task/" + MISSING_TASK, CAP);

    assertThat(other.status()).as(other.toString()).isEqualTo(404);
    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    assertThat(message(other).replace(laStradasTask, "ID")).isEqualTo(message(missing).replace(MISSING_TASK, "ID"));
    assertThat(other.body()).doesNotContain("permission", "Authorization", "la-strada");
    assertThat(engine.getTaskService().createTaskQuery().taskId(laStradasTask).count()).isEqualTo(1);
  }

  @Test
  void evaluatingConditionsWithAnEmptyOrGarbageBodyIs400WithAMessage() {
    Response empty = http.post("/engine-rest/condition", LA_STRADA, "");
    Response emptyObject = http.post("/engine-rest/condition", LA_STRADA, "{}");
    Response garbage = http.post("/engine-rest/condition", LA_STRADA, "{\"variables\": [1, 2");

    for (Response response : List.of(empty, emptyObject, garbage)) {
      assertThat(response.status()).as(response.toString()).isBetween(400, 499);
      assertThat(message(response)).isNotBlank();
    }
  }

  @Test
  void aJavaSerializedVariableIs400AndTheTaskStaysOpen() {
    String task = agencyTask("la-strada");
    String serialized = "{\"variables\":{\"note\":{\"type\":\"Object\",\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":"
        + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";

    Response response = http.post("/engine-rest/task/" + task + "/complete", LA_STRADA, serialized);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(message(response)).contains("Java-serialized");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @Test
  void twoColleaguesCompletingTheSameTaskAtOnceGetOneSuccessAndOneAlreadyCompleted() throws Exception {
    for (int round = 0; round < 6; round++) {
      String task = agencyTask("la-strada");
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> completeAfter(together, task, LA_STRADA));
      CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> completeAfter(together, task, LA_STRADA_COLLEAGUE));
      List<Response> answers = List.of(first.get(), second.get());

      assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnlyOnce(204);
      Response loser = answers.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
      assertThat(loser.status()).as(loser.toString()).isIn(404, 409);
      assertThat(message(loser)).contains("already completed").doesNotContain("ENGINE-", "OptimisticLocking");
    }
  }

  @Test
  void aTextAuditPageIs400NamingPage() {
    Response response = http.get("/api/audit?page=abc", AUDITOR);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(message(response)).contains("page");
    assertThat(json(response).get("type").asText()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
  }

  @Test
  void aTextYearForTheNationalStatisticsIs400NamingYear() {
    Response response = http.get("/api/statistics/national.csv?year=abc", SECRETARIAT);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(message(response)).contains("year");
  }

  @Test
  void aMalformedOrWronglyTypedConsentBodyIs400NamingTheProblem() {
    Response malformed = http.post("/api/cases/NRS-2026-000001/consents", LA_STRADA, "{\"purpose\": ");
    Response wrongTypes = http.post("/api/cases/NRS-2026-000001/consents", LA_STRADA, "{\"purpose\": [1], \"given\": \"maybe\"}");

    assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
    assertThat(message(malformed)).contains("JSON");
    assertThat(wrongTypes.status()).as(wrongTypes.toString()).isEqualTo(400);
    assertThat(message(wrongTypes)).containsAnyOf("purpose", "given");
    assertThat(wrongTypes.body()).doesNotContain("maybe");
  }

  private Response completeAfter(CyclicBarrier together, String task, Credentials who) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return http.post("/engine-rest/task/" + task + "/complete", who, "{}");
  }

  String agencyTask(String agency) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, Map.of(FixtureAgencyTaskProcess.AGENCY.name(), agency)).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  String message(Response response) {
    JsonNode body = json(response);
    assertThat(body.hasNonNull("message")).as("a message in " + response).isTrue();
    return body.get("message").asText();
  }

  JsonNode json(Response response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response, e);
    }
  }
}
