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
import md.nrs.referral.engine.CaseVariables;
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
  private final int page;

  public SlaWatch(@Lazy ProcessEngine engine, SlaEventRepository events, AgencyNotifications notifications,
      MeterRegistry meters, @Value("${nrs.sla.reminder-before:PT24H}") Duration reminderBefore,
      @Value("${nrs.sla.sweep-page:" + MAX_TASKS_PER_SWEEP + "}") int page) {
    this.engine = engine;
    this.events = events;
    this.notifications = notifications;
    this.meters = meters;
    this.reminderBefore = reminderBefore;
    this.page = page;
  }

  /**
   * One sweep at {@code now}; returns how many reminders and breaches it recorded. Each kind takes at most
   * one page of the tasks not yet recorded for it (earliest due first), so a storm of overdue steps is
   * worked off page by page over successive sweeps, each in its own bounded transaction, and a task
   * already recorded never takes the place of one that is not.
   */
  public Map<SlaEvent.Kind, Integer> sweep(Instant now) {
    Map<SlaEvent.Kind, Integer> counts = new HashMap<>(Map.of(SlaEvent.Kind.REMINDER, 0, SlaEvent.Kind.BREACH, 0));
    for (Task task : notYetRecorded(SlaEvent.Kind.REMINDER, "RES.DUE_DATE_ > #{from} AND RES.DUE_DATE_ < #{to}",
        Map.of("from", Date.from(now), "to", Date.from(now.plus(reminderBefore))))) {
      Step step = step(task);
      if (record(step, SlaEvent.Kind.REMINDER, now)) {
        notifyAgency(step, "Reminder: \"" + task.getName() + "\" falls due soon");
        counts.merge(SlaEvent.Kind.REMINDER, 1, Integer::sum);
      }
    }
    for (Task task : notYetRecorded(SlaEvent.Kind.BREACH, "RES.DUE_DATE_ < #{to} AND RES.TASK_DEF_KEY_ <> #{escalation}",
        Map.of("to", Date.from(now), "escalation", SlaEscalationProcess.Elements.ACT_ON_OVERDUE_STEP))) {
      Step step = step(task);
      if (record(step, SlaEvent.Kind.BREACH, now)) {
        breach(step);
        counts.merge(SlaEvent.Kind.BREACH, 1, Integer::sum);
      }
    }
    if (counts.values().stream().anyMatch(c -> c > 0)) {
      LOG.info("SLA sweep: {} reminder(s), {} breach(es)", counts.get(SlaEvent.Kind.REMINDER), counts.get(SlaEvent.Kind.BREACH));
    }
    return counts;
  }

  /** True when the last sweep filled a page of either kind: more may be waiting for the next one. */
  public boolean filledAPage(Map<SlaEvent.Kind, Integer> counts) {
    return counts.values().stream().anyMatch(c -> c >= page);
  }

  private List<Task> notYetRecorded(SlaEvent.Kind kind, String condition, Map<String, Object> parameters) {
    var query = engine.getTaskService().createNativeTaskQuery().sql("SELECT RES.* FROM "
        + engine.getManagementService().getTableName(Task.class) + " RES WHERE " + condition
        + " AND NOT EXISTS (SELECT 1 FROM nrs_sla_event E WHERE E.task_id = RES.ID_ AND E.kind = #{kind})"
        + " ORDER BY RES.DUE_DATE_ ASC, RES.ID_ ASC").parameter("kind", kind.name());
    parameters.forEach(query::parameter);
    return query.listPage(0, page);
  }

  /** A task with its agency and case code, each read once per task (they were read up to four times). */
  private record Step(Task task, String agency, String caseCode) {
  }

  private Step step(Task task) {
    return new Step(task, agencyOf(task), caseCodeOf(task));
  }

  private boolean record(Step step, SlaEvent.Kind kind, Instant now) {
    Task task = step.task();
    if (events.existsByTaskIdAndKind(task.getId(), kind)) {
      return false;
    }
    events.save(new SlaEvent(task.getId(), kind, step.caseCode(), task.getTaskDefinitionKey(), step.agency(),
        task.getProcessInstanceId(), task.getDueDate().toInstant(), now));
    return true;
  }

  private void breach(Step step) {
    Task task = step.task();
    String agency = step.agency();
    meters.counter("nrs.sla.breaches", "step", task.getTaskDefinitionKey(), "agency", agency == null ? "none" : agency)
        .increment();
    notifyAgency(step, "Overdue: \"" + task.getName() + "\" was due and is not done; the NRS coordinators are told");
    String caseCode = step.caseCode();
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

  private void notifyAgency(Step step, String request) {
    Task task = step.task();
    if (step.agency() != null && step.caseCode() != null) {
      notifications.notify(new AgencyNotification(step.agency(), step.caseCode(), task.getTaskDefinitionKey(), request,
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
