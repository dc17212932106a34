package md.nrs.referral.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The id of a process's latest deployed version, looked up once per deployment rather than by every start by key
 * (each of which asks the database for the latest version). Kept until the engine parses a version of that process
 * again: a deployment on this node (forgotten again when it commits, so no start caches the version before it), or
 * a version this node reads into its cache (as it does when it first runs a job of an instance that another node
 * started on a version that node deployed). Read as the platform: the caller's authorizations apply to the start.
 */
@Component
public class LatestProcessDefinitions extends AbstractProcessEnginePlugin {

  private final Map<String, String> ids = new HashMap<>(); // guarded by this
  private long forgotten; // guarded by this: a look-up that overlapped a parse does not keep its answer
  private ProcessEngineConfigurationImpl engine;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        String key = definition.getKey();
        forget(key);
        CommandContext command = Context.getCommandContext();
        if (command != null) {
          command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> forget(key));
        }
      }
    });
  }

  /** The id of the latest version of the process {@code key}; an error if none is deployed. */
  public String latestId(String key) {
    long before;
    synchronized (this) {
      String id = ids.get(key);
      if (id != null) {
        return id;
      }
      before = forgotten;
    }
    ProcessDefinitionEntity latest = engine.getCommandExecutorTxRequired()
        .execute(command -> command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key));
    if (latest == null) {
      throw new IllegalStateException("No process '" + key + "' is deployed");
    }
    synchronized (this) {
      if (forgotten == before) {
        ids.put(key, latest.getId());
      }
    }
    return latest.getId();
  }

  private synchronized void forget(String key) {
    forgotten++;
    ids.remove(key);
  }
}
