package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The other half of {@link TimersCarryTheirBasisTest}: every row of sla-durations.dmn, from which the due
 * dates of the user tasks and the safety plan's review timer come, names its basis (a legal act with its
 * number, or "policy default"), and names a step (task or timer id) that a model has, so no time limit
 * rests on an unexplained or orphaned row.
 */
class SlaRowsNameTheirBasisTest {

  private static final Pattern LEGAL_ACT = Pattern.compile(TimerBasisRule.LEGAL_ACT);
  private static final Pattern POLICY_DEFAULT = Pattern.compile(TimerBasisRule.POLICY_DEFAULT, Pattern.CASE_INSENSITIVE);

  @Test
  void everyRowOfThePlatformsSlaTableNamesItsBasisAndAStepOfTheModels() throws IOException {
    DmnModelInstance table = readDmn(new ClassPathResource("processes/sla-durations.dmn"));

    assertThat(rowsWithoutBasis(table)).as("rows whose description names no legal act and no policy default").isEmpty();
    assertThat(rowsForUnknownSteps(table, modelElementIds())).as("rows for a step no model has").isEmpty();
    assertThat(table.getModelElementsByType(Rule.class)).as("rows checked").hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void aRowWithoutABasisAndARowForAStepNoModelHasAreBothFound() throws IOException {
    DmnModelInstance fixture = readDmn(new ClassPathResource("timer-basis/sla-rows-without-basis.dmn"));

    assertThat(rowsWithoutBasis(fixture)).containsExactly("Rule_WithoutBasis");
    assertThat(rowsForUnknownSteps(fixture, modelElementIds())).containsExactly("Rule_UnknownStep");
  }

  private static List<String> rowsWithoutBasis(DmnModelInstance table) {
    List<String> lacking = new ArrayList<>();
    for (Rule rule : table.getModelElementsByType(Rule.class)) {
      String description = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
      if (!LEGAL_ACT.matcher(description).find() && !POLICY_DEFAULT.matcher(description).find()) {
        lacking.add(rule.getId());
      }
    }
    return lacking;
  }

  /** The first input of a row is the step; an empty entry (the catch-all row) matches any step. */
  private static List<String> rowsForUnknownSteps(DmnModelInstance table, Set<String> elementIds) {
    List<String> unknown = new ArrayList<>();
    for (Rule rule : table.getModelElementsByType(Rule.class)) {
      String step = rule.getInputEntries().iterator().next().getTextContent().trim();
      for (String id : step.isEmpty() ? List.<String>of() : List.of(step.split(","))) {
        if (!elementIds.contains(id.trim().replace("\"", ""))) {
          unknown.add(rule.getId());
          break;
        }
      }
    }
    return unknown;
  }

  private static Set<String> modelElementIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath:processes/*.bpmn")) {
      try (InputStream in = model.getInputStream()) {
        BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
        bpmn.getModelElementsByType(FlowElement.class).forEach(element -> ids.add(element.getId()));
      }
    }
    return ids;
  }

  private static DmnModelInstance readDmn(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return Dmn.readModelFromStream(in);
    }
  }
}
