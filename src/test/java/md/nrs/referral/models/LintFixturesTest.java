package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * What Modeler's problems panel flags is what the revision gate refuses, on the same element: each broken
 * fixture in src/test/resources/lint-fixtures/ is linted by the platform's bpmnlint plugin
 * (tools/models/lint-fixtures.mjs, run here with Node) and checked by the gate's validator against the
 * running platform. Skipped, saying why, when Node or tools/models/node_modules is missing.
 */
@SpringBootTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-modeler-vocabulary;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LintFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/lint-fixtures");
  private static final Path TOOLS = Path.of("tools/models");

  @Autowired BaselineDeployment models;

  private JsonNode flagged;

  @BeforeAll
  void lintTheFixturesWithThePlugin() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isDirectory(TOOLS.resolve("node_modules/bpmnlint-plugin-nrs")),
        "skipped: run `npm ci` in tools/models first (the lint plugin is not installed)");
    Process node;
    try {
      node = new ProcessBuilder("node", "lint-fixtures.mjs").directory(TOOLS.toFile())
          .redirectErrorStream(true).redirectOutput(new File("target/lint-fixtures.log")).start();
    } catch (IOException e) {
      Assumptions.abort("skipped: Node.js is not installed (" + e.getMessage() + ")");
      return;
    }
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("lint-fixtures.mjs finished").isTrue();
    assertThat(node.exitValue()).as("lint-fixtures.mjs: %s",
        Files.readString(Path.of("target/lint-fixtures.log"), StandardCharsets.UTF_8)).isZero();
    flagged = new ObjectMapper().readTree(Path.of("target/lint-fixtures.json").toFile());
  }

  @Test
  void aMisspeltDelegateIsFlaggedInModelerAndRefusedByTheGateOnTheSameServiceTask() throws IOException {
    assertFlaggedAndRefusedOnTheSameElements("misspelt-delegate.bpmn", "ServiceTask_Notify", "no such delegate");
  }

  @Test
  void aCandidateGroupOutsideTheDirectoryIsFlaggedAndRefusedOnTheSameUserTask() throws IOException {
    assertFlaggedAndRefusedOnTheSameElements("unknown-group.bpmn", "UserTask_Assess", "candidate group 'la-strda'");
  }

  @Test
  void aFormThatDoesNotExistIsFlaggedAndRefusedOnTheSameUserTask() throws IOException {
    assertFlaggedAndRefusedOnTheSameElements("missing-form.bpmn", "UserTask_Assess", "form 'needs-asessment'");
  }

  @Test
  void aTimerWithoutItsBasisIsFlaggedAndRefusedOnTheSameTimerEvent() throws IOException {
    assertFlaggedAndRefusedOnTheSameElements("timer-without-basis.bpmn", "TimerEvent_Wait", "basis of its time limit");
  }

  @Test
  void everyFixtureIsFlaggedOnlyOnTheElementItBreaks() {
    assertThat(flagged.fieldNames()).toIterable().containsExactlyInAnyOrder("misspelt-delegate.bpmn",
        "unknown-group.bpmn", "missing-form.bpmn", "timer-without-basis.bpmn");
    assertThat(flaggedIds("timer-without-basis.bpmn")).containsExactly("TimerEvent_Wait");
  }

  private void assertFlaggedAndRefusedOnTheSameElements(String fixture, String elementId, String reason)
      throws IOException {
    List<ModelProblem> refused = new ModelValidator().validate(
        List.of(new ModelResource("processes/" + fixture, Files.readAllBytes(FIXTURES.resolve(fixture)))),
        models.environment());

    assertThat(flaggedIds(fixture)).as("flagged by the lint plugin").containsExactly(elementId);
    assertThat(refused).as("refused by the gate").extracting(ModelProblem::elementId).containsOnly(elementId);
    assertThat(refused).extracting(ModelProblem::message).anySatisfy(message -> assertThat(message).contains(reason));
  }

  private Set<String> flaggedIds(String fixture) {
    Set<String> ids = new TreeSet<>();
    flagged.get(fixture).forEach(report -> ids.add(report.get("id").asText()));
    return ids;
  }
}
