package md.nrs.referral.sla;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.OpenTaskRows;
import md.nrs.referral.engine.OpenTaskRows.OpenTask;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Finds open tasks coming due (a reminder to the agency) and overdue (a recorded breach with its
 * metric, a notice to the agency, and an escalation to the NRS coordinators), each once per task. Run
 * by processes/sla-watch.bpmn, so on a cluster one node sweeps at a time; the unique key on
 * (task, kind) keeps it idempotent anyway: a page's events are inserted together, and only the rows this
 * sweep inserted are notified and escalated.
 */
@Component
public class SlaWatch {

  static final int MAX_TASKS_PER_SWEEP = 500;
  private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);

  private final ProcessEngine engine;
  private final OpenTaskRows tasks;
  private final SlaEventInserts events;
  private final AgencyNotifications notifications;
  private final MeterRegistry meters;
  private final Duration reminderBefore;
  private final int page;

  public SlaWatch(@Lazy ProcessEngine engine, OpenTaskRows tasks, SlaEventInserts events,
      AgencyNotifications notifications, MeterRegistry meters,
      @Value("${nrs.sla.reminder-before:PT24H}") Duration reminderBefore,
      @Value("${nrs.sla.sweep-page:" + MAX_TASKS_PER_SWEEP + "}") int page) {
    this.engine = engine;
    this.tasks = tasks;
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
    List<OpenTask> reminded = events.recordNew(SlaEvent.Kind.REMINDER, notYetRecorded(SlaEvent.Kind.REMINDER,
        "RES.DUE_DATE_ > :from AND RES.DUE_DATE_ < :to", Map.of("from", Date.from(now), "to", Date.from(now.plus(reminderBefore)))),
        now);
    notifyAgencies(reminded, task -> "Reminder: \"" + task.name() + "\" falls due soon");
    counts.put(SlaEvent.Kind.REMINDER, reminded.size());

    List<OpenTask> breached = events.recordNew(SlaEvent.Kind.BREACH, notYetRecorded(SlaEvent.Kind.BREACH,
        "RES.DUE_DATE_ < :to AND RES.TASK_DEF_KEY_ <> :escalation",
        Map.of("to", Date.from(now), "escalation", SlaEscalationProcess.Elements.ACT_ON_OVERDUE_STEP)), now);
    for (OpenTask task : breached) {
      String agency = task.candidateGroup();
      meters.counter("nrs.sla.breaches", "step", task.taskDefinitionKey(), "agency", agency == null ? "none" : agency)
          .increment();
    }
    notifyAgencies(breached,
        task -> "Overdue: \"" + task.name() + "\" was due and is not done; the NRS coordinators are told");
    escalate(breached);
    counts.put(SlaEvent.Kind.BREACH, breached.size());
    if (counts.values().stream().anyMatch(c -> c > 0)) {
      LOG.info("SLA sweep: {} reminder(s), {} breach(es)", counts.get(SlaEvent.Kind.REMINDER), counts.get(SlaEvent.Kind.BREACH));
    }
    return counts;
  }

  /** True when the last sweep filled a page of either kind: more may be waiting for the next one. */
  public boolean filledAPage(Map<SlaEvent.Kind, Integer> counts) {
    return counts.values().stream().anyMatch(c -> c >= page);
  }

  /** A page of open tasks matching the condition with no event of this kind yet, each with its agency and case code. */
  private List<OpenTask> notYetRecorded(SlaEvent.Kind kind, String condition, Map<String, Object> parameters) {
    Map<String, Object> bound = new HashMap<>(parameters);
    bound.put("kind", kind.name());
    return tasks.page(condition + " AND NOT EXISTS (SELECT 1 FROM nrs_sla_event E WHERE E.task_id = RES.ID_"
        + " AND E.kind = :kind)", bound, page).stream()
        .map(task -> task.caseCode() != null ? task : withCaseCode(task, tasks.caseCodeOf(task))).toList();
  }

  private static OpenTask withCaseCode(OpenTask task, String caseCode) {
    return new OpenTask(task.id(), task.name(), task.taskDefinitionKey(), task.processInstanceId(), task.dueAt(),
        task.candidateGroup(), caseCode);
  }

  /** One notice per task to the agency it is offered to, for the tasks of a case; written to the outbox together. */
  private void notifyAgencies(List<OpenTask> recorded, java.util.function.Function<OpenTask, String> request) {
    List<AgencyNotification> notices = new ArrayList<>();
    for (OpenTask task : recorded) {
      if (task.candidateGroup() != null && task.caseCode() != null) {
        notices.add(new AgencyNotification(task.candidateGroup(), task.caseCode(), task.taskDefinitionKey(),
            request.apply(task), task.dueAt(), task.processInstanceId()));
      }
    }
    if (!notices.isEmpty()) {
      notifications.notifyAll(notices);
    }
  }

  /** One sla-escalation per breach of a case's task (a task of no case is recorded and counted, nobody to escalate to). */
  private void escalate(List<OpenTask> breached) {
    if (breached.stream().allMatch(task -> task.caseCode() == null)) {
      return;
    }
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(SlaEscalationProcess.KEY).latestVersion().singleResult().getId();
    RuntimeService runtime = engine.getRuntimeService();
    for (OpenTask task : breached) {
      String caseCode = task.caseCode();
      if (caseCode == null) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(SlaEscalationProcess.CASE_CODE.name(), caseCode);
      variables.put(SlaEscalationProcess.OVERDUE_STEP.name(), task.name());
      variables.put(SlaEscalationProcess.OVERDUE_STEP_ID.name(), task.taskDefinitionKey());
      variables.put(SlaEscalationProcess.OVERDUE_TASK_ID.name(), task.id());
      variables.put(SlaEscalationProcess.OVERDUE_AGENCY.name(), task.candidateGroup());
      variables.put(SlaEscalationProcess.DUE_AT.name(), task.dueAt().toString());
      PlatformStarts.withBusinessKey(caseCode, () -> runtime.startProcessInstanceById(definition, caseCode, variables));
    }
  }
}
