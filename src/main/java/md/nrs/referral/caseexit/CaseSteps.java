package md.nrs.referral.caseexit;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The steps of a case as the exit sees them, read as the platform: the case's running nrs-case instance
 * (never another process that carries the code), the agencies with an open step in its own process tree
 * (the instance and every process it called, at any depth), and whether an agency ever had one.
 */
@Component
public class CaseSteps {

  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<HistoryService> history;
  private final ObjectProvider<TaskService> tasks;
  private final ObjectProvider<IdentityService> identity;

  public CaseSteps(ObjectProvider<RuntimeService> runtime, ObjectProvider<HistoryService> history,
      ObjectProvider<TaskService> tasks, ObjectProvider<IdentityService> identity) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
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

  /** The candidate groups of the open tasks in the case's own tree, in the order the tasks were created. */
  public Set<String> agenciesWithOpenSteps(String caseInstanceId) {
    return platform(() -> {
      List<String> tree = tree(caseInstanceId);
      Set<String> agencies = new LinkedHashSet<>();
      for (Task task : tasks.getObject().createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new))
          .orderByTaskCreateTime().asc().list()) {
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

  /** The instance and every instance it called, running now. */
  private List<String> tree(String caseInstanceId) {
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

  private <T> T platform(java.util.function.Supplier<T> work) {
    return asPlatform(identity.getObject(), work);
  }
}
