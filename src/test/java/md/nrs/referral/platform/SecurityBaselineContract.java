package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
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
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security baseline of the platform, checked over real HTTP against the running application.
 * Run on H2 ({@link SecurityBaselineOnH2Test}) and on PostgreSQL ({@link SecurityBaselineOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityBaselineContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials LA_STRADA = basic("it.lastrada", PASSWORD);
  static final Credentials CAP = basic("it.cap", PASSWORD);
  static final Credentials OPERATOR = basic("it.ops", PASSWORD);
  static final Credentials ADMIN = basic("it.admin", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  PlatformHttp http;
  String laStradaInstance;
  String laStradaTask;
  String capTask;
  String overdueTask;
  String dueTodayTask;
  String dueNextWeekTask;

  /** Whether this profile sends HSTS (production profile only). */
  abstract boolean expectsHsts();

  @BeforeAll
  void usersTasksAndInstances() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "it.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "it.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "it.ops", PASSWORD, "operators");
    TestUsers.ensure(engine, "it.typo", PASSWORD, "caseworkers");
    TestUsers.ensure(engine, "it.admin", PASSWORD, "camunda-admin");
    engine.getRepositoryService().createDeployment().name("security-fixture")
        .addClasspathResource("fixtures/agency-task.bpmn").enableDuplicateFiltering(true).deploy();
    laStradaInstance = start("la-strada");
    laStradaTask = taskOf(laStradaInstance).getId();
    capTask = taskOf(start("cap-chisinau")).getId();
    // The filters' dateTime() counts the server's day (the container runs in Europe/Chisinau: docker/Dockerfile)
    LocalDate today = LocalDate.now();
    overdueTask = taskDue(today.minusDays(1).atTime(9, 0));
    dueTodayTask = taskDue(today.atTime(12, 0));
    dueNextWeekTask = taskDue(today.plusDays(7).atTime(9, 0));
  }

  @Test
  void everyModelInProcessesIsDeployed() {
    var repository = engine.getRepositoryService();
    assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("nrs-case", "repatriation", "shelter-placement", "assistance-service", "reintegration", "monitoring");
    assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("referral-triage", "service-provider-routing", "shelter-stay-policy", "monitoring-schedule");
  }

  @Test
  void theRestApiAnswers401WithoutCredentialsAnd200WithACaseworkers() {
    Response anonymous = http.get("/engine-rest/engine", null);
    Response caseworker = http.get("/engine-rest/engine", LA_STRADA);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(caseworker.status()).as(caseworker.toString()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefusedWith401() {
    // its own user: a failed login delays that user's next attempts (brute-force protection)
    assertThat(http.get("/engine-rest/engine", basic("it.typo", "Not-The-Password1!")).status()).isEqualTo(401);
  }

  @Test
  void aCaseworkerSeesOnlyTheirOwnAgencysTasks() {
    List<String> seenByCap = ids(http.get("/engine-rest/task?maxResults=100", CAP));
    List<String> seenByLaStrada = ids(http.get("/engine-rest/task?maxResults=100", LA_STRADA));

    assertThat(seenByCap).contains(capTask).doesNotContain(laStradaTask);
    assertThat(seenByLaStrada).contains(laStradaTask).doesNotContain(capTask);
  }

  @Test
  void aCaseworkerCanNeitherOpenNorCompleteAnotherAgencysTask() {
    Response open = http.get("/engine-rest/task/" + laStradaTask, CAP);
    Response complete = http.post("/engine-rest/task/" + laStradaTask + "/complete", CAP, "{}");

    assertThat(open.status()).as(open.toString()).isIn(403, 404); // 404: not even its existence is confirmed
    assertThat(complete.status()).as(complete.toString()).isEqualTo(404); // as for a task that does not exist
    assertThat(engine.getTaskService().createTaskQuery().taskId(laStradaTask).count()).isEqualTo(1);
  }

  @Test
  void aCaseworkerCannotSeeAnotherAgencysProcessInstance() {
    Response open = http.get("/engine-rest/process-instance/" + laStradaInstance, CAP);
    Response list = http.get("/engine-rest/process-instance?maxResults=100", CAP);

    // 404 is as good as 403 here: it does not even confirm that the case exists
    assertThat(open.status()).as(open.toString()).isIn(403, 404);
    assertThat(ids(list)).doesNotContain(laStradaInstance);
  }

  @Test
  void aCaseworkerCompletesTheirOwnAgencysTask() {
    String task = taskOf(start("cap-chisinau")).getId();

    Response complete = http.post("/engine-rest/task/" + task + "/complete", CAP, "{}");

    assertThat(complete.status()).as(complete.toString()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  void theFirstRunSetupNeverCreatesAUser() {
    String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\"},"
        + "\"credentials\":{\"password\":\"Intruder#Pass-2026\"}}";

    Response plain = http.post("/camunda/api/admin/setup/default/user/create", null, body);
    Response encoded = http.post("/camunda/api/admin/%73etup/default/user/create", null, body);
    Response doubled = http.post("/camunda/api/admin//setup/default/user/create", null, body);

    assertThat(List.of(plain.status(), encoded.status(), doubled.status())).allSatisfy(s -> assertThat(s).isIn(400, 403, 404));
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void taskQueriesWithExpressionsAreRefusedOnTheRestApi() {
    Response nested = http.post("/engine-rest/task?maxResults=10", LA_STRADA,
        "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}");
    Response parameter = http.get("/engine-rest/task?maxResults=10&assigneeExpression=%24%7Bnow()%7D", LA_STRADA);

    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.body()).contains("orQueries[0].assigneeExpression");
    assertThat(parameter.status()).isEqualTo(400);
  }

  @Test
  void taskQueriesWithExpressionsAreRefusedOnTheWebappsApiToo() {
    PlatformHttp.WebappSession session = http.login("tasklist", "it.lastrada", PASSWORD);
    assertThat(session.loginResponse().status()).as(session.loginResponse().toString()).isEqualTo(200);

    Response nested = http.post("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15", session,
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}");
    Response ordinary = http.post("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15", session,
        "{\"candidateGroup\":\"la-strada\"}");

    assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
    assertThat(ordinary.status()).as(ordinary.toString()).isEqualTo(200);
  }

  @Test
  void restClientsMustPageWithinTheQueryLimit() {
    Response unbounded = http.get("/engine-rest/task", LA_STRADA);
    Response tooLarge = http.get("/engine-rest/task?maxResults=5000", LA_STRADA);
    Response paged = http.get("/engine-rest/task?maxResults=50", LA_STRADA);

    assertThat(unbounded.status()).isEqualTo(400);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(paged.status()).isEqualTo(200);
  }

  @Test
  void tasklistLoadsTheRoleFiltersForACaseworker() {
    PlatformHttp.WebappSession session = http.login("tasklist", "it.lastrada", PASSWORD);

    // exactly the request Tasklist 7.24 sends when it opens
    Response filters = http.get(
        "/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", session);

    assertThat(filters.status()).as(filters.toString()).isEqualTo(200);
    assertThat(names(filters)).contains("My tasks", "My agency", "Unassigned in my agency", "Due today", "Overdue");
  }

  @Test
  void theMyAgencyFilterShowsOnlyMyAgencysWork() {
    List<String> myAgency = ids(filterList("My agency", LA_STRADA));
    List<String> unassigned = ids(filterList("Unassigned in my agency", LA_STRADA));

    assertThat(myAgency).contains(laStradaTask).doesNotContain(capTask);
    assertThat(unassigned).contains(laStradaTask).doesNotContain(capTask);
  }

  @Test
  void theDueTodayAndOverdueFiltersFollowTheClock() {
    List<String> dueToday = ids(filterList("Due today", LA_STRADA));
    List<String> overdue = ids(filterList("Overdue", LA_STRADA));

    assertThat(dueToday).contains(dueTodayTask).doesNotContain(overdueTask, dueNextWeekTask);
    assertThat(overdue).contains(overdueTask).doesNotContain(dueNextWeekTask);
  }

  @Test
  void healthAndMetricsAreForOperatorsButLivenessIsPublic() {
    assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health", null).status()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(http.get("/actuator/health", LA_STRADA).status()).isEqualTo(403);

    Response health = http.get("/actuator/health", OPERATOR);
    Response metrics = http.get("/actuator/prometheus", OPERATOR);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"db\"", "\"jobExecutor\"", "\"status\":\"UP\"");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    Response response = http.get("/engine-rest/engine", LA_STRADA);

    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    assertThat(response.header("Strict-Transport-Security") != null).isEqualTo(expectsHsts());
  }

  @Test
  void webappCookiesAreSameSiteStrict() {
    PlatformHttp.WebappSession session = http.login("tasklist", "it.lastrada", PASSWORD);

    List<String> cookies = session.loginResponse().headers("set-cookie");
    assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Strict"));
    if (expectsHsts()) {
      assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
    }
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("fixture-agency-task").count();
    String body = "{\"variables\":{\"agency\":{\"value\":\"la-strada\",\"type\":\"String\"},"
        + "\"payload\":{\"value\":\"rO0ABXQABGV2aWw=\",\"type\":\"Object\",\"valueInfo\":{"
        + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";

    Response start = http.post("/engine-rest/process-definition/key/fixture-agency-task/start", ADMIN, body);

    assertThat(start.status()).as(start.toString()).isBetween(400, 599);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("fixture-agency-task").count())
        .isEqualTo(before);
  }

  @Test
  void weakPasswordsAreRefusedByThePasswordPolicy() {
    Response create = http.post("/engine-rest/user/create", ADMIN,
        "{\"profile\":{\"id\":\"weak.user\",\"firstName\":\"W\",\"lastName\":\"U\"},\"credentials\":{\"password\":\"password\"}}");

    assertThat(create.status()).as(create.toString()).isEqualTo(400);
    assertThat(create.body()).contains("credentials.password", "PASSWORD_POLICY_LENGTH");
    assertThat(engine.getIdentityService().createUserQuery().userId("weak.user").count()).isZero();
  }

  // --- helpers

  private String start(String agency) {
    return engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, Map.of(FixtureAgencyTaskProcess.AGENCY.name(), agency)).getId();
  }

  private Task taskOf(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private String taskDue(java.time.LocalDateTime due) {
    Task task = taskOf(start("la-strada"));
    engine.getTaskService().setDueDate(task.getId(), Date.from(due.atZone(ZoneId.systemDefault()).toInstant()));
    return task.getId();
  }

  private Response filterList(String name, Credentials credentials) {
    Response filters = http.get("/engine-rest/filter?maxResults=50&resourceType=Task", credentials);
    String id = StreamSupport.stream(read(filters).spliterator(), false)
        .filter(f -> name.equals(f.get("name").asText())).map(f -> f.get("id").asText()).findFirst().orElseThrow();
    Response list = http.post("/engine-rest/filter/" + id + "/list?maxResults=200", credentials, "{}");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list;
  }

  private List<String> ids(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(read(response).spliterator(), false).map(n -> n.get("id").asText()).toList();
  }

  private List<String> names(Response response) {
    return StreamSupport.stream(read(response).spliterator(), false).map(n -> n.get("name").asText()).toList();
  }

  private JsonNode read(Response response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response, e);
    }
  }
}
