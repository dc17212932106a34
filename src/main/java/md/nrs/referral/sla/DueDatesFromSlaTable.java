package md.nrs.referral.sla;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.EveryUserTask;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every user task its due date from the DMN table {@code sla-durations} (step, urgency, minor
 * -> ISO-8601 duration, counted in working days or around the clock), evaluated when the task is
 * created, so policy staff change a time limit in the table and new tasks follow. A due date the model
 * sets itself is kept. Tasklist shows and sorts by it; the "Due today" and "Overdue" filters use it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before the listeners that read the due date (agencies' new-task notices)
public class DueDatesFromSlaTable implements EveryUserTask {

  /** The sla-durations table's input naming the step (a task definition key); a decision input, not a process variable. */
  public static final String STEP_INPUT = "step";

  public static final String DECISION = "sla-durations";

  private final WorkingCalendar calendar;

  public DueDatesFromSlaTable(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void onUserTask(UserTask task) {
    task.on(TaskListener.EVENTNAME_CREATE, this::assignDueDate);
  }

  void assignDueDate(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    Map<String, Object> facts = new HashMap<>();
    facts.put(STEP_INPUT, task.getTaskDefinitionKey());
    facts.put("urgency", task.getVariable(CaseVariables.URGENCY.name()));
    facts.put("minor", task.getVariable(CaseVariables.MINOR.name()));
    // The table is platform policy, not the acting user's business: evaluate it whoever completed the last step.
    DmnDecisionResult result = asPlatform(task.getProcessEngineServices(), () ->
        task.getProcessEngineServices().getDecisionService().evaluateDecisionByKey(DECISION).variables(facts).evaluate());
    if (result.isEmpty()) {
      return;
    }
    String duration = result.getFirstResult().getEntry("duration");
    WorkingCalendar.Mode mode = "around-the-clock".equals(result.getFirstResult().getEntry("calendar"))
        ? WorkingCalendar.Mode.AROUND_THE_CLOCK : WorkingCalendar.Mode.WORKING_DAYS;
    ZonedDateTime created = ZonedDateTime.ofInstant(task.getCreateTime().toInstant(), calendar.zone());
    task.setDueDate(Date.from(calendar.dueAfter(created, duration, mode).toInstant()));
  }
}
