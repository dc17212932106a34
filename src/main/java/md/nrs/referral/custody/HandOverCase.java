package md.nrs.referral.custody;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * "Hand the case over": every open step of the case (or of the one service moved) that the model offers to the
 * holder (candidate group {@code ${responsibleTeam}}, or {@code ${providerAgency}} for a service) is offered to
 * the new team instead — candidate group replaced, an assignee of the old team released, the old team's
 * authorizations on that task removed — and the variables that name the holder for the steps still to come
 * (responsibleTeam of the case and of each process it called, or the service's providerAgency) name the new team.
 * What the old team did stays in history, readable to it. The chain of custody gets its entry; both teams are told.
 * Nothing open any more (the case or the service ended meanwhile): error NothingToHandOver.
 */
@Component("handOverCase")
public class HandOverCase implements JavaDelegate {

  private final CaseHoldings holdings;
  private final CustodyChain chain;
  private final AgencyNotifications notifications;
  private final AuditTrail audit;

  public HandOverCase(CaseHoldings holdings, CustodyChain chain, AgencyNotifications notifications, AuditTrail audit) {
    this.holdings = holdings;
    this.chain = chain;
    this.notifications = notifications;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CaseTransferProcess.CASE_CODE.get(execution);
    String scope = CaseTransferProcess.TRANSFER_SCOPE.get(execution);
    String from = CaseTransferProcess.FROM_TEAM.get(execution);
    String to = CaseTransferProcess.TO_TEAM.get(execution);
    var nrsCase = holdings.openCase(caseCode).orElseThrow(() -> nothing(caseCode + " has ended"));
    var engine = execution.getProcessEngineServices();
    Caller caller = Caller.current(engine.getIdentityService());
    String acceptedBy = caller.authenticated() ? caller.userId() : "system";
    int handedOver = handOver(engine, nrsCase.getId(), caseCode, scope, from, to);
    CaseTransferProcess.STEPS_HANDED_OVER.set(execution, handedOver);
    chain.record(new CustodyChain.Entry(caseCode, scope, from, to, CaseTransferProcess.TRANSFER_REASON.get(execution),
        CaseTransferProcess.REQUESTED_BY.get(execution), acceptedBy, null), execution.getProcessInstanceId());
    String what = CaseTransferProcess.SCOPE_CASE.equals(scope) ? "The case" : "The " + scope + " service of the case";
    notifications.notify(new AgencyNotification(to, caseCode, CaseTransferProcess.Elements.HAND_OVER, what
        + " is now yours (transferred from " + from + "): " + handedOver + " open step(s) handed over to you", null,
        execution.getProcessInstanceId()));
    notifications.notify(new AgencyNotification(from, caseCode, CaseTransferProcess.Elements.HAND_OVER, what
        + " was transferred to " + to + ": its open steps are no longer yours; your history of it stays readable", null,
        execution.getProcessInstanceId()));
    audit.recordAfterCommit(new AuditEvent(acceptedBy, AuditActions.TRANSFER_ACCEPTED, caseCode,
        CaseTransferProcess.TRANSFER_REASON.get(execution), AuditEvent.OK, null, scope + " from " + from + " to " + to
            + "; " + handedOver + " open step(s) handed over"));
  }

  /**
   * Hands the open steps of a running case (scope "case") or of one of its services over from one team to another,
   * and names the new team for the steps to come; returns how many open steps moved. Also used when a reopened case
   * goes back to the team that had it.
   */
  public int handOver(ProcessEngineServices engine, String caseInstanceId, String caseCode, String scope, String from,
      String to) {
    return asPlatform(engine, () -> {
      RuntimeService runtime = engine.getRuntimeService();
      List<String> instances;
      if (CaseTransferProcess.SCOPE_CASE.equals(scope)) {
        instances = holdings.tree(caseInstanceId);
        for (String instance : instances) { // the steps still to come go to the new team
          if (from.equals(runtime.getVariableLocal(instance, NrsCaseProcess.RESPONSIBLE_TEAM.name()))) {
            runtime.setVariableLocal(instance, NrsCaseProcess.RESPONSIBLE_TEAM.name(), to);
          }
        }
      } else {
        var service = holdings.runningServices(caseInstanceId).stream()
            .filter(s -> scope.equals(s.serviceType()) && from.equals(s.providerAgency())).findFirst()
            .orElseThrow(() -> nothing("the " + scope + " service of " + caseCode + " has ended"));
        instances = List.of(service.instanceId());
        runtime.setVariable(service.instanceId(), AssistanceServiceProcess.PROVIDER_AGENCY.name(), to);
      }
      String holderVariable = CaseTransferProcess.SCOPE_CASE.equals(scope) ? NrsCaseProcess.RESPONSIBLE_TEAM.name()
          : AssistanceServiceProcess.PROVIDER_AGENCY.name();
      int count = 0;
      for (Task task : holdings.openTasks(instances)) {
        if (offeredToTheHolder(engine.getRepositoryService(), task, holderVariable)
            && retarget(engine.getTaskService(), engine.getAuthorizationService(), task, from, to)) {
          count++;
        }
      }
      return count;
    });
  }

  /**
   * Whether the model offers the task to whoever holds the case (its candidate groups name the variable): a step
   * fixed to an agency by its function (IOM's travel arrangements, the coordinators' approvals) stays where it is.
   */
  private static boolean offeredToTheHolder(RepositoryService repository, Task task, String holderVariable) {
    var element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    return element instanceof UserTask userTask && userTask.getCamundaCandidateGroups() != null
        && userTask.getCamundaCandidateGroups().contains("${" + holderVariable + "}");
  }

  /** Re-targets one task if the old team is its candidate; true when it did. */
  private static boolean retarget(TaskService tasks, AuthorizationService authorizations, Task task, String from,
      String to) {
    boolean offeredToOldTeam = tasks.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && from.equals(link.getGroupId()));
    if (!offeredToOldTeam) {
      return false;
    }
    String assignee = task.getAssignee();
    tasks.deleteCandidateGroup(task.getId(), from);
    tasks.addCandidateGroup(task.getId(), to);
    if (assignee != null) {
      tasks.setAssignee(task.getId(), null); // the new team claims it
    }
    // The engine keeps the authorizations it granted to a former candidate or assignee: the old team's end here.
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list().stream()
        .filter(a -> from.equals(a.getGroupId()) || (assignee != null && assignee.equals(a.getUserId())))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    return true;
  }

  private static BpmnError nothing(String why) {
    return new BpmnError(CaseTransferProcess.ERROR_NOTHING_TO_HAND_OVER, "nothing to hand over: " + why);
  }
}
