package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A policy officer sees why a time limit exists where it is drawn: every timer event and every user task
 * (whose due date comes from sla-durations.dmn or is set by the model) names in its documentation the
 * basis of its limit, a legal act with its number or "policy default". tools/models/timer-basis.mjs
 * writes that text from the tables.
 */
class TimersCarryTheirBasisTest {

  /** The gate's patterns (TimerBasisRule), which the lint plugin reads from vocabulary.json. */
  private static final Pattern LEGAL_ACT = Pattern.compile(TimerBasisRule.LEGAL_ACT);
  private static final Pattern POLICY_DEFAULT = Pattern.compile(TimerBasisRule.POLICY_DEFAULT, Pattern.CASE_INSENSITIVE);

  @Test
  void everyTimerAndUserTaskOfThePlatformsModelsNamesTheBasisOfItsTimeLimit() throws IOException {
    Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath:processes/*.bpmn");
    assertThat(models).as("the platform's models are on the classpath").hasSizeGreaterThanOrEqualTo(14);
    List<String> lacking = new ArrayList<>();
    int checked = 0;
    for (Resource model : models) {
      Set<BaseElement> elements = timedElements(read(model));
      checked += elements.size();
      elements.stream().filter(element -> !namesABasis(element))
          .forEach(element -> lacking.add(model.getFilename() + ": " + element.getId()));
    }

    assertThat(lacking).as("elements without a basis; run node tools/models/timer-basis.mjs processes/*.bpmn").isEmpty();
    assertThat(checked).as("timers and user tasks found").isGreaterThanOrEqualTo(45);
  }

  @Test
  void aTimerWithoutDocumentationAndATaskWhoseDocumentationNamesNoBasisAreBothFound() throws IOException {
    BpmnModelInstance fixture = read(new ClassPathResource("timer-basis/timers-without-basis.bpmn"));

    List<String> lacking = timedElements(fixture).stream().filter(element -> !namesABasis(element)).map(BaseElement::getId).toList();

    assertThat(lacking).containsExactly("UserTask_Review", "BoundaryEvent_ReviewLate");
    assertThat(timedElements(fixture)).extracting(BaseElement::getId)
        .as("a legal act and a policy default both count as a basis")
        .contains("StartEvent_Weekly", "TimerEvent_Wait");
  }

  @Test
  void aNumberlessMentionOfALawOrTheWordsTimeLimitAloneAreNotABasis() {
    assertThat(LEGAL_ACT.matcher("Time limit: 3 days under the law.").find()).isFalse();
    assertThat(POLICY_DEFAULT.matcher("Time limit: 3 days, as the policy says by default.").find()).isFalse();
    assertThat(LEGAL_ACT.matcher("Basis: former Government Decision 1362/2006.").find()).isTrue();
  }

  /** Every user task, and every event carrying a timer, in document order. */
  private static Set<BaseElement> timedElements(BpmnModelInstance model) {
    Set<BaseElement> elements = new LinkedHashSet<>(model.getModelElementsByType(UserTask.class));
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      elements.add((BaseElement) timer.getParentElement());
    }
    return elements;
  }

  private static boolean namesABasis(BaseElement element) {
    return TimerBasisRule.namesABasis(element);
  }

  private static BpmnModelInstance read(Resource model) throws IOException {
    try (InputStream in = model.getInputStream()) {
      return Bpmn.readModelFromStream(in);
    }
  }
}
