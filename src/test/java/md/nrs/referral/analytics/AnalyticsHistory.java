package md.nrs.referral.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real engine history with known durations: a test-only process with two user tasks, each instance run
 * on the engine clock moved by hand, so every historic activity instance lasts exactly as long as asked.
 */
final class AnalyticsHistory {

  static final String KEY = "analytics-fixture";
  static final String WAIT = "UserTask_Wait";
  static final String QUICK = "UserTask_Quick";
  static final String AGENCY = "la-strada";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  AnalyticsHistory(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY).name("Analytics fixture").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Started")
        .userTask(QUICK).name("Quick step").camundaCandidateGroups(AGENCY)
        .userTask(WAIT).name("Slow step").camundaCandidateGroups(AGENCY)
        .endEvent("EndEvent_Done")
        .done();
  }

  String deploy() {
    return engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model()).deployWithResult()
        .getDeployedProcessDefinitions().get(0).getId();
  }

  /** An instance that spends {@code quick} in the first task and {@code slow} in the second, starting at {@code start}. */
  ProcessInstance run(Instant start, Duration quick, Duration slow) {
    ProcessInstance instance = startAt(start);
    Instant t = start.plus(quick);
    complete(instance, QUICK, t);
    complete(instance, WAIT, t.plus(slow));
    return instance;
  }

  /** An instance waiting in the slow task since {@code start + quick}; returns that task. */
  Task waitInSlowTask(Instant start, Duration quick, Date dueDate) {
    ProcessInstance instance = startAt(start);
    complete(instance, QUICK, start.plus(quick));
    Task task = task(instance, WAIT);
    task.setDueDate(dueDate);
    engine.getTaskService().saveTask(task);
    return task;
  }

  String taskOf(ProcessInstance instance, String activityId) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).singleResult().getId();
  }

  /** A breach as the SLA watch records it (nrs_sla_event). */
  void breach(String taskId, String step, Instant due, Instant recorded) {
    jdbc.update("INSERT INTO nrs_sla_event (task_id, kind, case_code, step, agency_id, process_instance_id, due_at, "
        + "recorded_at, overdue_minutes) VALUES (?, 'BREACH', NULL, ?, ?, NULL, ?, ?, ?)", taskId, step, AGENCY,
        OffsetDateTime.ofInstant(due, ZoneOffset.UTC), OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC),
        Duration.between(due, recorded).toMinutes());
  }

  private ProcessInstance startAt(Instant start) {
    ClockUtil.setCurrentTime(Date.from(start));
    return engine.getRuntimeService().startProcessInstanceByKey(KEY);
  }

  private void complete(ProcessInstance instance, String activityId, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    engine.getTaskService().complete(task(instance, activityId).getId());
  }

  private Task task(ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }

  static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
