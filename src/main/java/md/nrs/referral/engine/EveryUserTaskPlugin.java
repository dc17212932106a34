package md.nrs.referral.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers every {@link EveryUserTask} bean as a BPMN parse listener of its own, in bean order, before or
 * after the engine's own listeners as each asks: the one place that knows the engine's parser.
 */
@Component
public class EveryUserTaskPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<EveryUserTask> listeners;

  public EveryUserTaskPlugin(ObjectProvider<EveryUserTask> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    listeners.orderedStream().forEach(listener -> {
      if (listener.beforeModelListeners()) {
        ParseListeners.addPre(configuration, parseListener(listener));
      } else {
        ParseListeners.addPost(configuration, parseListener(listener));
      }
    });
  }

  private static AbstractBpmnParseListener parseListener(EveryUserTask listener) {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          listener.onUserTask(new ParsedUserTask(activity.getId(), formRef(element), behavior.getTaskDefinition()));
        }
      }

      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
        listener.onProcess(new ParsedProcess(processDefinition.getKey(), processDefinition));
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        listener.onStartEvent(new ParsedStartEvent(activity.getId(), formRef(element), activity));
      }
    };
  }

  private record ParsedUserTask(String id, String formRef, TaskDefinition definition) implements EveryUserTask.UserTask {
    @Override
    public void on(String event, TaskListener taskListener) {
      definition.addTaskListener(event, taskListener);
    }
  }

  private record ParsedProcess(String key, ProcessDefinitionEntity definition) implements EveryUserTask.ProcessModel {
    @Override
    public void on(String event, ExecutionListener executionListener) {
      definition.addListener(event, executionListener);
    }
  }

  private record ParsedStartEvent(String id, String formRef, ActivityImpl activity) implements EveryUserTask.StartEvent {
    @Override
    public void on(String event, ExecutionListener executionListener) {
      activity.addListener(event, executionListener);
    }
  }

  private static String formRef(Element element) {
    return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
  }
}
