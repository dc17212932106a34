package md.nrs.referral.sla;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A deadline a step sets itself from the SLA table (a due date a timer waits for, not a task's due date):
 * the row of {@code sla-durations} for the step, counted from now on the working calendar. A step with no
 * row is a modelling error, told at once.
 */
@Component
public class SlaDeadlines {

  private final WorkingCalendar calendar;

  public SlaDeadlines(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** Now plus the table's time limit for the step, as ISO-8601 with offset (usable in a timer's timeDate). */
  public String dueFromNow(DelegateExecution execution, String step) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(DueDatesFromSlaTable.STEP_INPUT, step);
    facts.put("urgency", null);
    facts.put("minor", null);
    DmnDecisionResult result = asPlatform(execution.getProcessEngineServices(), () -> execution.getProcessEngineServices()
        .getDecisionService().evaluateDecisionByKey(DueDatesFromSlaTable.DECISION).variables(facts).evaluate());
    if (result.isEmpty()) {
      throw new IllegalStateException("The table " + DueDatesFromSlaTable.DECISION + " has no time limit for " + step);
    }
    String duration = result.getFirstResult().getEntry("duration");
    WorkingCalendar.Mode mode = "around-the-clock".equals(result.getFirstResult().getEntry("calendar"))
        ? WorkingCalendar.Mode.AROUND_THE_CLOCK : WorkingCalendar.Mode.WORKING_DAYS;
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), calendar.zone());
    return calendar.dueAfter(now, duration, mode).toOffsetDateTime().toString();
  }
}
