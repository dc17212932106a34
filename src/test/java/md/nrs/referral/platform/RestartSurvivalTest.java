package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.models.BaselineDeployment;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
import md.nrs.referral.testing.PlatformNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo platform keeps its cases, tasks and users in the H2 file database across a restart. */
class RestartSurvivalTest {

  private static final String DEMO_PASSWORD = "Demo#NRS-2026";

  @Test
  void aCaseStartedBeforeARestartIsStillThereAfterIt(@TempDir Path data) {
    Map<String, String> settings = Map.of("NRS_DATA_DIR", data.toString());
    String instanceId;
    try (PlatformNode before = PlatformNode.start("demo", settings)) {
      ProcessEngine engine = before.engine();
      engine.getRepositoryService().createDeployment().addClasspathResource("fixtures/agency-task.bpmn").deploy();
      instanceId = PlatformStarts.withBusinessKey("NRS-2026-000001", () -> engine.getRuntimeService()
          .startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, "NRS-2026-000001", Map.<String, Object>of(FixtureAgencyTaskProcess.AGENCY.name(), "la-strada")))
          .getId();
    }
    assertThat(data.resolve("nrs.mv.db")).exists();

    try (PlatformNode after = PlatformNode.start("demo", settings)) {
      ProcessEngine engine = after.engine();
      var response = after.http().get("/engine-rest/process-instance?businessKey=NRS-2026-000001&maxResults=10",
          basic("nrs.manager", DEMO_PASSWORD));

      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.body()).contains(instanceId);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("la-strada")
          .count()).isEqualTo(1);
      assertThat(engine.getIdentityService().checkPassword("lastrada.caseworker", DEMO_PASSWORD)).isTrue();
    }
  }

  @Test
  void aSecondStartSeedsNothingTwice(@TempDir Path data) {
    Map<String, String> settings = Map.of("NRS_DATA_DIR", data.toString());
    try (PlatformNode first = PlatformNode.start("demo", settings)) {
      first.engine();
    }
    try (PlatformNode second = PlatformNode.start("demo", settings)) {
      ProcessEngine engine = second.engine();

      assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(5);
      assertThat(engine.getIdentityService().createUserQuery().userId("admin").count()).isEqualTo(1);
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("managers").count())
          .isEqualTo(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("managers").list().stream()
              .map(a -> a.getResourceType() + "/" + a.getResourceId()).distinct().count());
      assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(BaselineDeployment.DEPLOYMENT_NAME)
          .count()).isLessThanOrEqualTo(1);
    }
  }
}
