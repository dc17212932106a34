package md.nrs.referral.milestones;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.EveryUserTask;
import md.nrs.referral.repatriation.RepatriationProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hears the case path reach a milestone without a line in its models (policy staff revise them freely): the
 * referral registered (the start event of nrs-case), the identification interview, the plan approved, the
 * returned person received (repatriation), and the case's end (any way an nrs-case instance ends). Keyed on
 * the forms and the process key, which stay when elements are moved or renamed.
 */
@Component
public class MilestonesOfTheCasePath implements EveryUserTask {

  private final ObjectProvider<ReferrerMilestones> milestones;

  public MilestonesOfTheCasePath(ObjectProvider<ReferrerMilestones> milestones) {
    this.milestones = milestones;
  }

  @Override
  public void onStartEvent(StartEvent start) {
    if (!Elements.REFERRAL_RECEIVED.equals(start.id())) {
      return;
    }
    // At the end of the start event: the case code is assigned by then (AssignCaseCode runs at its start).
    start.on(ExecutionListener.EVENTNAME_END, execution -> {
      if (!isNrsCase(execution.getProcessDefinitionId())) {
        return;
      }
      String caseCode = execution.getProcessBusinessKey();
      List<String> registeringUsersGroups = Caller.current().groups();
      // The notice is the platform's act, not the registering user's (who may not start deliveries).
      asPlatform(execution.getProcessEngineServices(), () -> {
        if (milestones.getObject().recordReferrer(caseCode, registeringUsersGroups).isPresent()) {
          milestones.getObject().reached(caseCode, Milestone.ACCEPTED, execution.getProcessInstanceId());
        }
        return null;
      });
    });
  }

  @Override
  public void onProcess(ProcessModel process) {
    if (NrsCaseProcess.KEY.equals(process.key())) {
      process.on(ExecutionListener.EVENTNAME_END, execution -> asPlatform(execution.getProcessEngineServices(), () -> {
        milestones.getObject().reached(execution.getProcessBusinessKey(), Milestone.CLOSED, execution.getProcessInstanceId());
        return null;
      }));
    }
  }

  @Override
  public void onUserTask(UserTask userTask) {
    String form = userTask.formRef();
    if (NrsCaseProcess.FORM_IDENTIFICATION.equals(form)) {
      userTask.on(TaskListener.EVENTNAME_COMPLETE, task -> Milestone.ofVictimStatus(task.getVariable(NrsCaseProcess.VICTIM_STATUS.name()))
          .ifPresent(milestone -> reached(task, milestone)));
    } else if (NrsCaseProcess.FORM_APPROVE_PLAN.equals(form)) {
      userTask.on(TaskListener.EVENTNAME_COMPLETE, task -> {
        if ("approve".equals(task.getVariable(NrsCaseProcess.PLAN_DECISION.name()))) {
          reached(task, Milestone.ASSISTANCE_STARTED);
        }
      });
    } else if (RepatriationProcess.FORM_RECEIVE_AND_HAND_OVER.equals(form)) {
      userTask.on(TaskListener.EVENTNAME_COMPLETE, task -> reached(task, Milestone.RETURNED));
    }
  }

  private void reached(DelegateTask task, Milestone milestone) {
    asPlatform(task.getProcessEngineServices(), () -> {
      milestones.getObject().reached(task.getExecution().getProcessBusinessKey(), milestone, task.getProcessInstanceId());
      return null;
    });
  }

  private static boolean isNrsCase(String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(NrsCaseProcess.KEY + ":");
  }
}
