package md.nrs.referral.models;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * A rule of the revision gate: every timer event says in its documentation why its time limit exists —
 * a legal act with its number ("Law 241/2005", "Government Decision 898/2015") or "policy default" — so a
 * policy officer sees the basis where the limit is drawn. The same patterns are written to the Modeler
 * lint plugin's vocabulary.json (ModelerVocabularyTest), whose rule nrs/timer-basis flags the same events.
 */
public final class TimerBasisRule implements BpmnRule {

  /** The patterns, any of which names a basis; as Java and JavaScript regular expressions (same syntax). */
  public static final String LEGAL_ACT = "\\b(Law|Government Decision|GD|Order|Regulation)\\s+(no\\.\\s*)?\\d+/\\d{4}\\b";
  public static final String POLICY_DEFAULT = "\\bpolicy default\\b";

  private static final List<Pattern> BASES = List.of(Pattern.compile(LEGAL_ACT),
      Pattern.compile(POLICY_DEFAULT, Pattern.CASE_INSENSITIVE));


  /** What the lint plugin reads: each pattern with whether it ignores case. */
  public static List<Map<String, Object>> patterns() {
    return List.of(pattern(LEGAL_ACT, false), pattern(POLICY_DEFAULT, true));
  }

  private static Map<String, Object> pattern(String pattern, boolean ignoreCase) {
    Map<String, Object> entry = new LinkedHashMap<>(); // in this order in vocabulary.json
    entry.put("pattern", pattern);
    entry.put("ignoreCase", ignoreCase);
    return entry;
  }

  /** One problem per timer event whose documentation names no basis. */
  @Override
  public void check(BpmnFile file) {
    for (BaseElement event : timerEvents(file.model())) {
      if (!namesABasis(event)) {
        file.problem(event, ProblemCode.TIMER_NO_BASIS.with());
      }
    }
  }

  /** Every event carrying a timer, in document order. */
  static Set<BaseElement> timerEvents(BpmnModelInstance model) {
    Set<BaseElement> events = new LinkedHashSet<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      if (timer.getParentElement() instanceof BaseElement event) {
        events.add(event);
      }
    }
    return events;
  }

  /** Whether one of the element's documentations names a legal act with its number or "policy default". */
  public static boolean namesABasis(BaseElement element) {
    for (Documentation documentation : element.getDocumentations()) {
      String text = documentation.getTextContent();
      if (text != null && BASES.stream().anyMatch(basis -> basis.matcher(text).find())) {
        return true;
      }
    }
    return false;
  }
}
