package md.nrs.referral.models;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.monitoring.MonitoringProcess;
import md.nrs.referral.monitoring.RecordFollowUpVisitForm;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Rewriting a model for Modeler (bpmnlint's fake-join: a converging gateway in front of a step several flows
 * enter, tools/models/join-gateway.mjs) adds elements but keeps the ids of the steps cases wait at, so the
 * cases running on the version before the rewrite move to the rewritten one with the platform's migration
 * (plan, dry run, execute under /api/models/migrations) and keep their place, their timer and its due date.
 * The version before is monitoring.bpmn as it was before the rewrite (src/test/resources/rewritten-models).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-rewritten-model-migration;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewrittenModelMigrationTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Credentials POLICY = basic("mig.policy", PASSWORD);
  private static final String FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
  private static final String FOLLOW_UP_VISIT = "UserTask_FollowUpVisit";
  private static final String JOIN = "Gateway_JoinFollowUpDue";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void users() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "mig.policy", PASSWORD, "policy-staff");
  }

  @Test
  void casesStartedBeforeTheFakeJoinRewriteKeepTheirPlaceAndTimerOnTheRewrittenVersionAndRunThroughTheNewJoin()
      throws IOException {
    int before = deploy("Monitoring before the fake-join rewrite",
        Files.readAllBytes(Path.of("src/test/resources/rewritten-models/monitoring-before-fake-join.bpmn")));
    String waitingForTheVisit = start("NRS-2026-000961");
    String atTheVisit = start("NRS-2026-000962");
    engine.getManagementService().executeJob(followUpTimer(atTheVisit).getId());
    Job timer = followUpTimer(waitingForTheVisit);
    int rewritten = deploy("Monitoring as Modeler writes it (converging gateway before the follow-up)",
        Files.readAllBytes(Path.of("processes/monitoring.bpmn")));
    assertThat(rewritten).isEqualTo(before + 1);
    String request = "{\"processKey\": \"monitoring\", \"fromVersion\": " + before + ", \"toVersion\": " + rewritten + "}";

    JsonNode plan = read(http.post("/api/models/migrations/plan", POLICY, request));
    assertThat(plan.get("instructions").findValuesAsText("from")).as("every step maps to itself, no mapping needed")
        .contains(FOLLOW_UP_DUE, FOLLOW_UP_VISIT, "BoundaryEvent_VisitOverdue");
    JsonNode dryRun = read(http.post("/api/models/migrations/dry-run", POLICY, request));
    assertThat(dryRun.get("cannotMove")).isEmpty();
    assertThat(dryRun.get("canMove").findValuesAsText("processInstanceId"))
        .containsExactlyInAnyOrder(waitingForTheVisit, atTheVisit);
    Response executed = http.post("/api/models/migrations/execute", POLICY, request);
    assertThat(executed.status()).as(executed.toString()).isEqualTo(202);
    runBatch(read(executed).get("batchId").asText());

    assertThat(versionOf(waitingForTheVisit)).isEqualTo(rewritten);
    assertThat(versionOf(atTheVisit)).isEqualTo(rewritten);
    assertThat(engine.getRuntimeService().getActiveActivityIds(waitingForTheVisit)).containsExactly(FOLLOW_UP_DUE);
    Job moved = followUpTimer(waitingForTheVisit);
    assertThat(moved.getId()).as("the same timer").isEqualTo(timer.getId());
    assertThat(moved.getDuedate()).as("its due date kept").isEqualTo(timer.getDuedate());
    Task visit = engine.getTaskService().createTaskQuery().processInstanceId(atTheVisit).singleResult();
    assertThat(visit.getTaskDefinitionKey()).isEqualTo(FOLLOW_UP_VISIT);

    // The visit done, the case goes on through the converging gateway the rewrite added, to the next follow-up.
    engine.getTaskService().complete(visit.getId(),
        FormSubmission.of(new RecordFollowUpVisitForm(LocalDate.now(PlatformClock.zone()), "stable", false, null)));
    assertThat(engine.getRuntimeService().getActiveActivityIds(atTheVisit)).containsExactly(FOLLOW_UP_DUE);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(atTheVisit)
        .activityId(JOIN).finished().count()).isEqualTo(1);
  }

  private int deploy(String name, byte[] model) throws IOException {
    Response deployed = http.postMultipart("/engine-rest/deployment/create", POLICY,
        Map.of("deployment-name", name, "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"),
        Map.of("monitoring.bpmn", model));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("monitoring").latestVersion()
        .singleResult().getVersion();
  }

  private String start(String caseCode) {
    Map<String, Object> variables = Map.of(MonitoringProcess.CASE_CODE.name(), caseCode,
        MonitoringProcess.MINOR.name(), false, MonitoringProcess.RESPONSIBLE_TEAM.name(), "mdt-chisinau");
    return PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("monitoring", caseCode, variables)).getId();
  }

  private Job followUpTimer(String instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(FOLLOW_UP_DUE)
        .singleResult();
  }

  private int versionOf(String instance) {
    String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definition).getVersion();
  }

  /** Runs the batch's jobs as the job executor would: the seed job, the migration jobs, then the monitor job. */
  private void runBatch(String batchId) {
    var management = engine.getManagementService();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }

  private JsonNode read(Response response) throws IOException {
    assertThat(response.status()).as(response.toString()).isLessThan(300);
    return json.readTree(response.body());
  }
}
