package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp.WebappSession;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Engine operations without a process definition are administrators' (issue 13 item 5), and Cockpit's data
 * and the CSRF check behave (item 7), on both engine APIs: /engine-rest with HTTP Basic and the webapps'
 * /camunda/api/engine with a login session, over real HTTP, as the attacker sends the requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineAdminEndpointsContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials CASEWORKER = basic("ea.caseworker", PASSWORD);
  static final Credentials MANAGER = basic("ea.manager", PASSWORD);
  static final Credentials POLICY = basic("ea.policy", PASSWORD);
  static final Credentials ADMIN = basic("ea.admin", PASSWORD);
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  PlatformHttp http;
  String cleanupJob;
  String otherAgencysInstance;

  /** A call as the attacker sends it: method, path inside the engine API, JSON body (null for none). */
  record Call(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @BeforeAll
  void usersAndTheCleanupJob() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "ea.caseworker", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ea.manager", PASSWORD, "managers");
    TestUsers.ensure(engine, "ea.policy", PASSWORD, "policy-staff");
    TestUsers.ensure(engine, "ea.admin", PASSWORD, "camunda-admin");
    var history = engine.getHistoryService();
    if (history.findHistoryCleanupJobs().isEmpty()) {
      history.cleanUpHistoryAsync(false);
    }
    cleanupJob = history.findHistoryCleanupJobs().get(0).getId();
    engine.getRepositoryService().createDeployment().name("engine-admin-fixture")
        .addClasspathResource("fixtures/agency-task.bpmn").enableDuplicateFiltering(true).deploy();
    otherAgencysInstance = engine.getRuntimeService()
        .startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, Map.of(FixtureAgencyTaskProcess.AGENCY.name(), "cap-chisinau")).getId();
  }

  /** Every guarded family, with the writes the probe made and the reads a caseworker has no use for. */
  List<Call> callsACaseworkerMustNotMake() {
    String job = cleanupJob;
    return List.of(
        new Call("PUT", "/job/" + job + "/suspended", "{\"suspended\":true}"),
        new Call("PUT", "/job/" + job + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"),
        new Call("POST", "/job/" + job + "/execute", "{}"),
        new Call("PUT", "/job/" + job + "/retries", "{\"retries\":0}"),
        new Call("PUT", "/job/" + job + "/priority", "{\"priority\":99}"),
        new Call("DELETE", "/job/" + job, null),
        new Call("GET", "/job?maxResults=10", null),
        new Call("POST", "/job?firstResult=0&maxResults=10", "{}"),
        new Call("PUT", "/job/suspended", "{\"processDefinitionKey\":\"nrs-case\",\"suspended\":true}"),
        new Call("GET", "/job-definition?maxResults=10", null),
        new Call("PUT", "/job-definition/suspended", "{\"processDefinitionKey\":\"nrs-case\",\"suspended\":true}"),
        new Call("GET", "/batch?maxResults=10", null),
        new Call("GET", "/incident?maxResults=10", null),
        new Call("POST", "/condition", "{\"variables\":{}}"),
        new Call("GET", "/execution?maxResults=10", null),
        new Call("POST", "/execution/" + otherAgencysInstance + "/signal", "{}"),
        new Call("GET", "/external-task?maxResults=10", null),
        new Call("PUT", "/external-task/retries", "{\"retries\":0,\"externalTaskIds\":[]}"),
        new Call("GET", "/history/job-log?maxResults=10", null),
        new Call("POST", "/history-cleanup", null),
        new Call("GET", "/history-cleanup/configuration", null),
        new Call("GET", "/metrics/activity-instance-start/sum", null),
        new Call("GET", "/schema/log", null),
        new Call("GET", "/deployment?maxResults=10", null),
        new Call("GET", "/process-definition/statistics?failedJobs=true", null),
        new Call("GET", "/process-definition/key/fixture-agency-task/statistics", null),
        new Call("DELETE", "/deployment/some-deployment", null),
        new Call("POST", "/migration/execute", "{}"),
        new Call("POST", "/modification/execute", "{}"),
        new Call("POST", "/process-instance/" + otherAgencysInstance + "/modification", "{}"),
        new Call("POST", "/signal", "{\"name\":\"anything\"}"),
        new Call("POST", "/identity/verify", "{\"username\":\"ea.admin\",\"password\":\"guess\"}"));
  }

  @Test
  void aCaseworkerIsRefusedEveryEngineOperationOnTheRestApiAndNothingChanges() {
    Job before = cleanup();
    List<String> notRefused = new ArrayList<>();
    for (Call call : callsACaseworkerMustNotMake()) {
      Response answer = send(call.method(), "/engine-rest" + call.path(), CASEWORKER, call.body());
      if (answer.status() != 403 || !answer.body().contains("\"message\"") || !answer.body().contains("administrators")) {
        notRefused.add(call + " -> " + answer);
      }
    }

    assertThat(notRefused).isEmpty();
    assertUnchanged(before);
  }

  @Test
  void aCaseworkersTasklistSessionIsRefusedEveryEngineOperationOnTheWebappsApiAndNothingChanges() {
    Job before = cleanup();
    WebappSession tasklist = http.login("tasklist", "ea.caseworker", PASSWORD);
    List<String> notRefused = new ArrayList<>();
    for (Call call : callsACaseworkerMustNotMake()) {
      Response answer = send(call.method(), WEBAPP_ENGINE + call.path(), tasklist, call.body());
      if (answer.status() != 403 || !answer.body().contains("administrators")) {
        notRefused.add(call + " -> " + answer);
      }
    }

    assertThat(notRefused).isEmpty();
    assertUnchanged(before);
  }

  @Test
  void otherSpellingsOfAGuardedPathAreRefusedToo() {
    Job before = cleanup();
    String body = "{\"suspended\":true}";
    List<String> spellings = List.of("/engine-rest/engine/default/job/" + cleanupJob + "/suspended",
        "/engine-rest//job/" + cleanupJob + "/suspended", "/engine-rest/%6Aob/" + cleanupJob + "/suspended",
        "/engine-rest/job;x=y/" + cleanupJob + "/suspended", "/engine-rest/job/" + cleanupJob + "/suspended/");

    for (String path : spellings) {
      Response answer = http.put(path, CASEWORKER, body);
      assertThat(answer.status()).as(path + " -> " + answer).isIn(403, 404);
    }
    assertUnchanged(before);
  }

  @Test
  void agenciesSystemsStillFetchTheirExternalTasks() {
    Response fetch = http.post("/engine-rest/external-task/fetchAndLock", CASEWORKER,
        "{\"workerId\":\"la-strada-system\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"no-such-topic\",\"lockDuration\":1000}]}");

    assertThat(fetch.status()).as(fetch.toString()).isEqualTo(200);
    assertThat(fetch.body()).isEqualTo("[]");
  }

  @Test
  void anAdministratorStillSuspendsAndResumesTheCleanupJobOnBothApis() {
    Response suspend = http.put("/engine-rest/job/" + cleanupJob + "/suspended", ADMIN, "{\"suspended\":true}");
    boolean suspended = cleanup().isSuspended();
    WebappSession cockpit = http.login("cockpit", "ea.admin", PASSWORD);
    Response resume = http.put(WEBAPP_ENGINE + "/job/" + cleanupJob + "/suspended", cockpit, "{\"suspended\":false}");

    assertThat(suspend.status()).as(suspend.toString()).isEqualTo(204);
    assertThat(suspended).isTrue();
    assertThat(resume.status()).as(resume.toString()).isEqualTo(204);
    assertThat(cleanup().isSuspended()).isFalse();
  }

  @Test
  void aManagerReadsJobsAndIncidentsAsCockpitDoesButCannotTouchTheCleanupJob() {
    Job before = cleanup();
    WebappSession cockpit = http.login("cockpit", "ea.manager", PASSWORD);

    Response jobs = http.post(WEBAPP_ENGINE + "/job?firstResult=0&maxResults=50", cockpit, "{\"processDefinitionKey\":\"nrs-case\"}");
    Response definitions = http.get(WEBAPP_ENGINE + "/job-definition?processDefinitionId=x&firstResult=0&maxResults=2000", cockpit);
    Response incidents = http.get("/engine-rest/incident?maxResults=10", MANAGER);
    Response retries = http.put("/engine-rest/job/" + cleanupJob + "/retries", MANAGER, "{\"retries\":0}");
    Response suspend = http.put(WEBAPP_ENGINE + "/job/" + cleanupJob + "/suspended", cockpit, "{\"suspended\":true}");

    assertThat(List.of(jobs, definitions, incidents)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    assertThat(retries.status()).as(retries.toString()).isEqualTo(403);
    assertThat(retries.body()).contains("jobs without a process definition are for administrators only");
    assertThat(suspend.status()).as(suspend.toString()).isEqualTo(403);
    assertUnchanged(before);
  }

  @Test
  void policyStaffReadDeploymentsButMigrateOnlyThroughThePlatformsOwnApi() {
    Response deployments = http.get("/engine-rest/deployment?maxResults=5", POLICY);
    Response migrate = http.post("/engine-rest/migration/execute", POLICY, "{}");

    assertThat(deployments.status()).as(deployments.toString()).isEqualTo(200);
    assertThat(migrate.status()).as(migrate.toString()).isEqualTo(403);
    assertThat(migrate.body()).contains("administrators");
  }

  @Test
  void aCaseworkersSessionCannotReadCockpitStatistics() {
    WebappSession tasklist = http.login("tasklist", "ea.caseworker", PASSWORD);
    WebappSession cockpit = http.login("cockpit", "ea.manager", PASSWORD);
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50";

    Response caseworker = http.get(statistics, tasklist);
    Response incidents = http.post("/camunda/api/cockpit/plugin/base/default/incident?firstResult=0&maxResults=50", tasklist, "{}");
    Response manager = http.get(statistics, cockpit);

    assertThat(caseworker.status()).as(caseworker.toString()).isEqualTo(403);
    assertThat(caseworker.body()).contains("Cockpit users").doesNotContain("fixture-agency-task");
    assertThat(incidents.status()).as(incidents.toString()).isEqualTo(403);
    assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
    assertThat(manager.body()).contains("nrs-case");
  }

  @Test
  void aWrongOrMissingCsrfTokenIsA403WithAMessageAndTheSessionStays() {
    WebappSession tasklist = http.login("tasklist", "ea.caseworker", PASSWORD);
    Credentials wrongToken = builder -> {
      tasklist.apply(builder);
      builder.setHeader("X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF");
    };
    String query = WEBAPP_ENGINE + "/task?firstResult=0&maxResults=15";

    Response wrong = http.post(query, wrongToken, "{\"candidateGroup\":\"la-strada\"}");
    Response stillLoggedIn = http.get("/camunda/api/admin/auth/user/default", tasklist);
    Response right = http.post(query, tasklist, "{\"candidateGroup\":\"la-strada\"}");

    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
    assertThat(wrong.body()).contains("CSRF token").doesNotContain("0123456789ABCDEF");
    assertThat(stillLoggedIn.status()).as(stillLoggedIn.toString()).isEqualTo(200);
    assertThat(stillLoggedIn.body()).contains("ea.caseworker");
    assertThat(right.status()).as(right.toString()).isEqualTo(200);
  }

  // --- helpers

  private Job cleanup() {
    return engine.getManagementService().createJobQuery().jobId(cleanupJob).singleResult();
  }

  private void assertUnchanged(Job before) {
    Job now = cleanup();
    assertThat(now).as("the cleanup job still exists").isNotNull();
    assertThat(now.isSuspended()).isEqualTo(before.isSuspended()).isFalse();
    assertThat(now.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(now.getRetries()).isEqualTo(before.getRetries());
    assertThat(now.getPriority()).isEqualTo(before.getPriority());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(otherAgencysInstance).count()).isEqualTo(1);
    assertThat(engine.getManagementService().createJobDefinitionQuery().processDefinitionKey("nrs-case").suspended().count()).isZero();
  }

  private Response send(String method, String path, Credentials credentials, String body) {
    return switch (method) {
      case "GET" -> http.get(path, credentials);
      case "POST" -> http.post(path, credentials, body);
      case "PUT" -> http.put(path, credentials, body);
      case "DELETE" -> http.delete(path, credentials);
      default -> throw new IllegalArgumentException(method);
    };
  }
}
