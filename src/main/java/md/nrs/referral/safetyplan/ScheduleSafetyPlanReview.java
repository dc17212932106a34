package md.nrs.referral.safetyplan;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.sla.WorkingCalendar;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets when the plan's review timer fires: on the review date the team chose (at the start of that day),
 * but never later than the interval sla-durations.dmn gives the review timer, so a plan cannot be left
 * unreviewed by choosing a far date. Clears the reason of the last requested review.
 */
@Component("scheduleSafetyPlanReview")
public class ScheduleSafetyPlanReview implements JavaDelegate {

  private static final String SLA_DECISION = "sla-durations";

  private final WorkingCalendar calendar;

  public ScheduleSafetyPlanReview(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), calendar.zone()).withNano(0);
    ZonedDateTime chosen = SafetyPlanProcess.REVIEW_ON.get(execution).atStartOfDay(calendar.zone());
    ZonedDateTime latest = latestReview(execution, now);
    ZonedDateTime due = latest != null && latest.isBefore(chosen) ? latest : chosen;
    SafetyPlanProcess.REVIEW_DUE_AT.set(execution, due.toOffsetDateTime().toString());
    SafetyPlanProcess.REVIEW_REASON.set(execution, null);
  }

  private ZonedDateTime latestReview(DelegateExecution execution, ZonedDateTime now) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("step", SafetyPlanProcess.Elements.REVIEW_DUE);
    facts.put("urgency", SafetyPlanProcess.URGENCY.get(execution));
    facts.put("minor", SafetyPlanProcess.MINOR.get(execution));
    DmnDecisionResult result = asPlatform(execution.getProcessEngineServices(), () -> execution.getProcessEngineServices()
        .getDecisionService().evaluateDecisionByKey(SLA_DECISION).variables(facts).evaluate());
    if (result.isEmpty()) {
      return null;
    }
    WorkingCalendar.Mode mode = "around-the-clock".equals(result.getFirstResult().getEntry("calendar"))
        ? WorkingCalendar.Mode.AROUND_THE_CLOCK : WorkingCalendar.Mode.WORKING_DAYS;
    return calendar.dueAfter(now, result.getFirstResult().getEntry("duration"), mode);
  }
}
