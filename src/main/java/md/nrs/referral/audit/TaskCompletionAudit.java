package md.nrs.referral.audit;

import md.nrs.referral.process.CaseVariables;
import md.nrs.referral.process.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process records its completion in the audit trail — who completed which
 * task of which case, from where — once the completing transaction has committed.
 */
@Component
public class TaskCompletionAudit extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AuditTrail> trail;

  public TaskCompletionAudit(ObjectProvider<AuditTrail> trail) {
    this.trail = trail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskCompletionAudit.this::completed);
        }
      }
    });
  }

  private void completed(DelegateTask task) {
    String actor = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    Object caseCode = task.getVariable(CaseVariables.CASE_CODE.name());
    String business = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    trail.getObject().recordAfterCommit(new AuditEvent(actor == null ? "system" : actor, AuditActions.TASK_COMPLETED,
        caseCode instanceof String code ? code : business, "task " + task.getId(), AuditEvent.OK, ClientAddress.current(),
        task.getTaskDefinitionKey()));
  }
}
