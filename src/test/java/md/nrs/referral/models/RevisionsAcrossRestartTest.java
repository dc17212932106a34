package md.nrs.referral.models;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * A revision policy staff deployed stays live when the platform restarts: the unchanged baseline is not
 * deployed again, and a baseline file that changed meanwhile is held back instead of replacing it.
 */
class RevisionsAcrossRestartTest {

  @Test
  void aPolicyStaffRevisionIsStillTheLiveVersionAfterRestartsEvenWhenTheBaselineFileChanged(@TempDir Path data)
      throws IOException {
    String revised = new ClassPathResource("processes/monitoring.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replace("name=\"Follow-up visit\"", "name=\"Follow-up visit (revised)\"");
    int revisionVersion;
    try (PlatformNode node = PlatformNode.start("demo", Map.of("NRS_DATA_DIR", data.toString()))) {
      Response deployed = node.http().postMultipart("/engine-rest/deployment/create", basic("policy.officer", "Demo#NRS-2026"),
          Map.of("deployment-name", "Monitoring revised", "deployment-source", "Camunda Modeler"),
          Map.of("processes/monitoring.bpmn", revised.getBytes(StandardCharsets.UTF_8)));
      assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
      revisionVersion = live(node.engine()).getVersion();
    }

    try (PlatformNode unchangedBaseline = PlatformNode.start("demo", Map.of("NRS_DATA_DIR", data.toString()))) {
      assertThat(live(unchangedBaseline.engine()).getVersion()).isEqualTo(revisionVersion);
    }

    try (PlatformNode changedBaseline = PlatformNode.start("demo", Map.of("NRS_DATA_DIR", data.toString(),
        "nrs.models.processes", "classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,"
            + "classpath*:changed-baseline/processes/*.bpmn"))) {
      ProcessDefinition live = live(changedBaseline.engine());
      assertThat(live.getVersion()).as("the changed baseline file is held back").isEqualTo(revisionVersion);
      assertThat(changedBaseline.engine().getRepositoryService().createDeploymentQuery().deploymentId(live.getDeploymentId())
          .singleResult().getName()).isEqualTo("Monitoring revised");
    }
  }

  private static ProcessDefinition live(ProcessEngine engine) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("monitoring").latestVersion()
        .singleResult();
  }
}
