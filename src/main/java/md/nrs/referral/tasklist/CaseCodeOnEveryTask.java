package md.nrs.referral.tasklist;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.EveryUserTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the case code on every user task as a task variable when the task is created. Tasklist shows
 * it in the task list ("Case") for anyone who may read the task, without giving caseworkers read
 * access to whole process instances, which would cross agency lines.
 */
@Component
public class CaseCodeOnEveryTask implements EveryUserTask {

  static final String CASE_CODE = CaseVariables.CASE_CODE.name();

  @Override
  public void onUserTask(UserTask userTask) {
    userTask.on(TaskListener.EVENTNAME_CREATE, task -> {
      Object code = task.getVariable(CASE_CODE);
      if (code != null) {
        task.setVariableLocal(CASE_CODE, code);
      }
    });
  }
}
