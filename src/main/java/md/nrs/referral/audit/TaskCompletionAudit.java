package md.nrs.referral.audit;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.ClientAddress;
import md.nrs.referral.engine.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process records its completion in the audit trail — who completed which
 * task of which case, from where — once the completing transaction has committed.
 */
@Component
public class TaskCompletionAudit implements EveryUserTask {

  private final ObjectProvider<AuditTrail> trail;

  public TaskCompletionAudit(ObjectProvider<AuditTrail> trail) {
    this.trail = trail;
  }

  @Override
  public void onUserTask(UserTask task) {
    task.on(TaskListener.EVENTNAME_COMPLETE, this::completed);
  }

  private void completed(DelegateTask task) {
    String actor = Caller.current().userId();
    Object caseCode = task.getVariable(CaseVariables.CASE_CODE.name());
    String business = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    trail.getObject().recordAfterCommit(new AuditEvent(actor == null ? "system" : actor, AuditActions.TASK_COMPLETED,
        caseCode instanceof String code ? code : business, "task " + task.getId(), AuditEvent.OK, ClientAddress.current(),
        task.getTaskDefinitionKey()));
  }
}
