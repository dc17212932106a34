package md.nrs.referral.sla;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.springframework.stereotype.Component;

/**
 * When the time limit of a step (a task, or a timer whose length is policy) runs out: the first matching row
 * of {@code sla-durations.dmn} for the step, the urgency and whether the person is a child, counted from a
 * moment in working days or around the clock. One place for the task due dates and the timers that read the
 * table, so a row changed by policy staff is followed by both.
 */
@Component
public class SlaDueDate {

  private final WorkingCalendar calendar;

  public SlaDueDate(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** Empty when the table has no row for the step. */
  public Optional<ZonedDateTime> after(ProcessEngineServices services, String step, Object urgency, Object minor,
      ZonedDateTime start) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(DueDatesFromSlaTable.STEP_INPUT, step);
    facts.put("urgency", urgency);
    facts.put("minor", minor);
    // The table is platform policy, not the acting user's business: evaluate it whoever completed the last step.
    DmnDecisionResult result = asPlatform(services, () -> services.getDecisionService()
        .evaluateDecisionByKey(DueDatesFromSlaTable.DECISION).variables(facts).evaluate());
    if (result.isEmpty() || result.getFirstResult().getEntry("duration") == null) {
      return Optional.empty();
    }
    WorkingCalendar.Mode mode = "around-the-clock".equals(result.getFirstResult().getEntry("calendar"))
        ? WorkingCalendar.Mode.AROUND_THE_CLOCK : WorkingCalendar.Mode.WORKING_DAYS;
    return Optional.of(calendar.dueAfter(start, result.getFirstResult().getEntry("duration"), mode));
  }

  /** The zone the table's days are counted in (Chisinau). */
  public ZoneId zone() {
    return calendar.zone();
  }
}
