package md.nrs.referral.coordination;

import java.time.LocalDate;
import java.util.Date;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.sla.CalendarProperties;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives one action item's task to the agency the meeting named, due at the end of the working day
 * agreed, and puts what to do on the task itself, so the agency reads it in Tasklist.
 */
@Component("assignActionItem")
public class AssignActionItem implements TaskListener {

  private final CalendarProperties calendar;

  public AssignActionItem(CalendarProperties calendar) {
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    int row = Integer.parseInt(CoordinationMeetingProcess.ACTION_ITEM.get(task));
    String agency = CoordinationMeetingProcess.actionItemAgency(row).get(task);
    task.addCandidateGroup(agency);
    LocalDate dueOn = CoordinationMeetingProcess.actionItemDueOn(row).get(task);
    task.setDueDate(Date.from(dueOn.atTime(calendar.workdayEnd()).atZone(PlatformClock.zone()).toInstant()));
    task.setVariableLocal(CoordinationMeetingProcess.ACTION_AGENCY.name(), agency);
    task.setVariableLocal(CoordinationMeetingProcess.ACTION_TO_TAKE.name(), CoordinationMeetingProcess.actionItemAction(row).get(task));
  }
}
