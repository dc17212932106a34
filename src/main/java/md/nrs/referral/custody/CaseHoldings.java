package md.nrs.referral.custody;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who holds a case, read as the platform: its running nrs-case instance, the responsible team, the running
 * services with their provider, the agencies with an open step in the case's own process tree, and whether a
 * group ever had a step on it. Only the nrs-case tree counts: another process carrying the code does not.
 */
@Component
public class CaseHoldings {

  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<HistoryService> history;
  private final ObjectProvider<TaskService> tasks;
  private final ObjectProvider<IdentityService> identity;

  public CaseHoldings(ObjectProvider<RuntimeService> runtime, ObjectProvider<HistoryService> history,
      ObjectProvider<TaskService> tasks, ObjectProvider<IdentityService> identity) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** A running assistance service of the case: its instance and the agency providing it. */
  public record RunningService(String instanceId, String serviceType, String providerAgency) {
  }

  /** The running nrs-case instance of the code (at most one runs per code). */
  public Optional<ProcessInstance> openCase(String caseCode) {
    return platform(() -> runtime.getObject().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).active().list().stream().findFirst());
  }

  /** The latest nrs-case instance of the code, running or ended. */
  public Optional<HistoricProcessInstance> latestCase(String caseCode) {
    return platform(() -> history.getObject().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst());
  }

  /** The team responsible for the running case now. */
  public Optional<String> responsibleTeam(String caseInstanceId) {
    return platform(() -> Optional.ofNullable((String) runtime.getObject().getVariable(caseInstanceId,
        NrsCaseProcess.RESPONSIBLE_TEAM.name())));
  }

  /** The assistance services the case runs now, in the order they started. */
  public List<RunningService> runningServices(String caseInstanceId) {
    return platform(() -> {
      List<String> tree = tree(caseInstanceId);
      return runtime.getObject().createProcessInstanceQuery().processDefinitionKey(AssistanceServiceProcess.KEY)
          .processInstanceIds(Set.copyOf(tree)).list().stream()
          .map(service -> new RunningService(service.getId(),
              (String) runtime.getObject().getVariable(service.getId(), AssistanceServiceProcess.SERVICE_TYPE.name()),
              (String) runtime.getObject().getVariable(service.getId(), AssistanceServiceProcess.PROVIDER_AGENCY.name())))
          .toList();
    });
  }

  /** The candidate groups of the open tasks in the case's own tree. */
  public Set<String> agenciesWithOpenSteps(String caseInstanceId) {
    return platform(() -> {
      Set<String> agencies = new LinkedHashSet<>();
      for (Task task : openTasks(tree(caseInstanceId))) {
        tasks.getObject().getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .forEach(link -> agencies.add(link.getGroupId()));
      }
      return agencies;
    });
  }

  /** Whether a task of the case's tree (open or done) was ever offered to the group. */
  public boolean hadStep(HistoricProcessInstance nrsCase, String group) {
    return platform(() -> history.getObject().createHistoricTaskInstanceQuery()
        .rootProcessInstanceId(nrsCase.getRootProcessInstanceId()).taskHadCandidateGroup(group).count() > 0);
  }

  /** The instance and every instance it called, running now (call as the platform). */
  List<String> tree(String caseInstanceId) {
    List<String> tree = new ArrayList<>();
    Deque<String> open = new ArrayDeque<>(List.of(caseInstanceId));
    while (!open.isEmpty()) {
      String instance = open.pop();
      tree.add(instance);
      runtime.getObject().createProcessInstanceQuery().superProcessInstanceId(instance).list()
          .forEach(called -> open.push(called.getId()));
    }
    return tree;
  }

  /** The open tasks of these instances, oldest first (call as the platform). */
  List<Task> openTasks(List<String> instanceIds) {
    return tasks.getObject().createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
        .orderByTaskCreateTime().asc().list();
  }

  private <T> T platform(Supplier<T> work) {
    return asPlatform(identity.getObject(), work);
  }
}
