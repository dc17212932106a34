package md.nrs.referral.sla;

import java.time.ZonedDateTime;
import java.util.Date;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.EveryUserTask;
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

  private final SlaDueDate dueDates;

  public DueDatesFromSlaTable(SlaDueDate dueDates) {
    this.dueDates = dueDates;
  }

  @Override
  public void onUserTask(UserTask task) {
    task.on(TaskListener.EVENTNAME_CREATE, this::assignDueDate);
  }

  void assignDueDate(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    ZonedDateTime created = ZonedDateTime.ofInstant(task.getCreateTime().toInstant(), dueDates.zone());
    dueDates.after(task.getProcessEngineServices(), task.getTaskDefinitionKey(),
            task.getVariable(CaseVariables.URGENCY.name()), task.getVariable(CaseVariables.MINOR.name()), created)
        .ifPresent(due -> task.setDueDate(Date.from(due.toInstant())));
  }
}
