package md.nrs.referral.sla;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.process.CaseVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Finds open tasks coming due (a reminder to the agency) and overdue (a recorded breach with its
 * metric, a notice to the agency, and an escalation to the NRS coordinators), each once per task. Run
 * by processes/sla-watch.bpmn, so on a cluster one node sweeps at a time; the unique key on
 * (task, kind) keeps it idempotent anyway.
 */
@Component
public class SlaWatch {

  static final int MAX_TASKS_PER_SWEEP = 500;
  private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);

  private final ProcessEngine engine;
  private final SlaEventRepository events;
  private final AgencyNotifications notifications;
  private final MeterRegistry meters;
  private final Duration reminderBefore;

  public SlaWatch(@Lazy ProcessEngine engine, SlaEventRepository events, AgencyNotifications notifications,
      MeterRegistry meters, @Value("${nrs.sla.reminder-before:PT24H}") Duration reminderBefore) {
    this.engine = engine;
    this.events = events;
    this.notifications = notifications;
    this.meters = meters;
    this.reminderBefore = reminderBefore;
  }

  /** One sweep at {@code now}; returns how many reminders and breaches it recorded. */
  public Map<SlaEvent.Kind, Integer> sweep(Instant now) {
    Map<SlaEvent.Kind, Integer> counts = new HashMap<>(Map.of(SlaEvent.Kind.REMINDER, 0, SlaEvent.Kind.BREACH, 0));
    for (Task task : engine.getTaskService().createTaskQuery().dueAfter(Date.from(now))
        .dueBefore(Date.from(now.plus(reminderBefore))).orderByDueDate().asc().listPage(0, MAX_TASKS_PER_SWEEP)) {
      if (record(task, SlaEvent.Kind.REMINDER, now)) {
        notifyAgency(task, "Reminder: \"" + task.getName() + "\" falls due soon");
        counts.merge(SlaEvent.Kind.REMINDER, 1, Integer::sum);
      }
    }
    for (Task task : engine.getTaskService().createTaskQuery().dueBefore(Date.from(now)).orderByDueDate().asc()
        .listPage(0, MAX_TASKS_PER_SWEEP)) {
      if (!SlaEscalationProcess.Elements.ACT_ON_OVERDUE_STEP.equals(task.getTaskDefinitionKey())
          && record(task, SlaEvent.Kind.BREACH, now)) {
        breach(task);
        counts.merge(SlaEvent.Kind.BREACH, 1, Integer::sum);
      }
    }
    if (counts.values().stream().anyMatch(c -> c > 0)) {
      LOG.info("SLA sweep: {} reminder(s), {} breach(es)", counts.get(SlaEvent.Kind.REMINDER), counts.get(SlaEvent.Kind.BREACH));
    }
    return counts;
  }

  private boolean record(Task task, SlaEvent.Kind kind, Instant now) {
    if (events.existsByTaskIdAndKind(task.getId(), kind)) {
      return false;
    }
    events.save(new SlaEvent(task.getId(), kind, caseCodeOf(task), task.getTaskDefinitionKey(), agencyOf(task),
        task.getProcessInstanceId(), task.getDueDate().toInstant(), now));
    return true;
  }

  private void breach(Task task) {
    String agency = agencyOf(task);
    meters.counter("nrs.sla.breaches", "step", task.getTaskDefinitionKey(), "agency", agency == null ? "none" : agency)
        .increment();
    notifyAgency(task, "Overdue: \"" + task.getName() + "\" was due and is not done; the NRS coordinators are told");
    String caseCode = caseCodeOf(task);
    if (caseCode == null) {
      return; // not a case's task: recorded and counted, nobody to escalate to by case
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(SlaEscalationProcess.CASE_CODE.name(), caseCode);
    variables.put(SlaEscalationProcess.OVERDUE_STEP.name(), task.getName());
    variables.put(SlaEscalationProcess.OVERDUE_STEP_ID.name(), task.getTaskDefinitionKey());
    variables.put(SlaEscalationProcess.OVERDUE_TASK_ID.name(), task.getId());
    variables.put(SlaEscalationProcess.OVERDUE_AGENCY.name(), agency);
    variables.put(SlaEscalationProcess.DUE_AT.name(), task.getDueDate().toInstant().toString());
    PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(SlaEscalationProcess.KEY, caseCode, variables));
  }

  private void notifyAgency(Task task, String request) {
    String agency = agencyOf(task);
    String caseCode = caseCodeOf(task);
    if (agency != null && caseCode != null) {
      notifications.notify(new AgencyNotification(agency, caseCode, task.getTaskDefinitionKey(), request,
          task.getDueDate().toInstant(), task.getProcessInstanceId()));
    }
  }

  private String agencyOf(Task task) {
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  private String caseCodeOf(Task task) {
    Object code = engine.getTaskService().getVariable(task.getId(), CaseVariables.CASE_CODE.name());
    return code instanceof String s ? s : null;
  }
}
