package md.nrs.referral.justice;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.sla.DueDatesFromSlaTable;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the hearing date entered in the support form into the two timers: the hearing itself (09:00 Chisinau, when
 * the support task comes back) and the reminder to the supporting agency before it, as long before as the SLA
 * table's row for the reminder says (policy default 2 days).
 */
@Component("scheduleHearing")
public class ScheduleHearing implements JavaDelegate {

  static final LocalTime HEARINGS_START = LocalTime.of(9, 0);

  private final ZoneId zone;

  public ScheduleHearing(Clock clock) {
    this.zone = clock.getZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ZonedDateTime hearing = CriminalJusticeProcess.HEARING_DATE.get(execution).atTime(HEARINGS_START).atZone(zone);
    Map<String, Object> facts = new HashMap<>();
    facts.put(DueDatesFromSlaTable.STEP_INPUT, CriminalJusticeProcess.Elements.HEARING_REMINDER);
    facts.put("urgency", null);
    facts.put("minor", null);
    DmnDecisionResult result = asPlatform(execution.getProcessEngineServices(), () -> execution.getProcessEngineServices()
        .getDecisionService().evaluateDecisionByKey(DueDatesFromSlaTable.DECISION).variables(facts).evaluate());
    if (result.isEmpty()) {
      throw new IllegalStateException("The table " + DueDatesFromSlaTable.DECISION + " has no lead time for "
          + CriminalJusticeProcess.Elements.HEARING_REMINDER);
    }
    // Around the clock: a hearing is on a fixed day, the reminder a fixed time before it (days and hours only).
    Duration lead = Duration.parse((String) result.getFirstResult().getEntry("duration"));
    CriminalJusticeProcess.HEARING_AT.set(execution, hearing.toOffsetDateTime().toString());
    CriminalJusticeProcess.HEARING_REMINDER_AT.set(execution, hearing.minus(lead).toOffsetDateTime().toString());
  }
}
