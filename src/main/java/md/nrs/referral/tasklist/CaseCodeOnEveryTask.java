package md.nrs.referral.tasklist;

import md.nrs.referral.process.CaseVariables;
import md.nrs.referral.process.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the case code on every user task as a task variable when the task is created. Tasklist shows
 * it in the task list ("Case") for anyone who may read the task, without giving caseworkers read
 * access to whole process instances, which would cross agency lines.
 */
@Component
public class CaseCodeOnEveryTask extends AbstractProcessEnginePlugin {

  static final String CASE_CODE = CaseVariables.CASE_CODE.name();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, task -> {
            Object code = task.getVariable(CASE_CODE);
            if (code != null) {
              task.setVariableLocal(CASE_CODE, code);
            }
          });
        }
      }
    });
  }
}
