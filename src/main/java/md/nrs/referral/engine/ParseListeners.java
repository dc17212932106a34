package md.nrs.referral.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds a BPMN parse listener to the engine's configuration, keeping the ones other plugins added. */
public final class ParseListeners {

  private ParseListeners() {
  }

  /** Runs before the engine's own parse listeners (so it sees the model as written). */
  public static void addPre(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    configuration.setCustomPreBPMNParseListeners(with(configuration.getCustomPreBPMNParseListeners(), listener));
  }

  /** Runs after the engine's own parse listeners (so the model's own listeners come first). */
  public static void addPost(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(), listener));
  }

  private static List<BpmnParseListener> with(List<BpmnParseListener> existing, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    listeners.add(listener);
    return listeners;
  }
}
