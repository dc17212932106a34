package md.nrs.referral.reintegration;

import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMMES;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_OUTCOMES;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * On completion of "Plan the reintegration": keeps the chosen programmes as a plain list, each once, for
 * the multi-instance sub-process (Tasklist submits a checklist as a JSON value, the Java API as a list),
 * and starts the empty list of programme outcomes. A value that is not a list of texts is left as it is,
 * for the form contract to refuse.
 */
@Component("readProgrammePlan")
public class ReadProgrammePlan implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object chosen = task.getVariable(PROGRAMMES.name());
    List<String> programmes = asTexts(chosen);
    if (programmes != null) {
      PROGRAMMES.set(task, programmes);
    }
    PROGRAMME_OUTCOMES.set(task, new ArrayList<>());
  }

  private static List<String> asTexts(Object value) {
    Set<String> texts = new LinkedHashSet<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        if (!element.isString()) {
          return null;
        }
        texts.add(element.stringValue());
      }
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        if (!(element instanceof String text)) {
          return null;
        }
        texts.add(text);
      }
    } else {
      return null;
    }
    return new ArrayList<>(texts);
  }
}
