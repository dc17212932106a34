package md.nrs.referral.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import md.nrs.referral.testing.PlatformNode;
import org.junit.jupiter.api.Test;

/**
 * The platform refuses to start rather than run with broken models. (Without production settings: the
 * packaged jar's refusal, ProductionStartRefusalIT.)
 */
class StartupRefusalTest {

  @Test
  void modelsWithAMissingFormOrNoHistoryTimeToLiveStopTheStartNamingEachFile() {
    Map<String, String> settings = Map.of(
        "spring.datasource.url", "jdbc:h2:mem:refusal-models",
        "nrs.models.processes", "classpath*:broken-models/processes/**/*.bpmn",
        "nrs.models.forms", "classpath*:broken-models/forms/**/*.form");

    assertThatThrownBy(() -> PlatformNode.start("demo", settings).close())
        .rootCause()
        .hasMessageContaining("broken-models/processes/missing-form.bpmn: UserTask_AgencyWork (\"Agency work\"): "
            + "references form 'form-that-does-not-exist', which is not deployed and not in forms/")
        .hasMessageContaining("broken-models/processes/no-history-ttl.bpmn: broken-no-ttl (\"Fixture: agency task\"): "
            + "the process has no history time-to-live");
  }
}
