package md.nrs.referral.safetyplan;

import java.time.ZonedDateTime;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.sla.SlaDueDate;
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

  private final SlaDueDate dueDates;

  public ScheduleSafetyPlanReview(SlaDueDate dueDates) {
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), dueDates.zone()).withNano(0);
    ZonedDateTime chosen = SafetyPlanProcess.REVIEW_ON.get(execution).atStartOfDay(dueDates.zone());
    ZonedDateTime due = dueDates.after(execution.getProcessEngineServices(), SafetyPlanProcess.Elements.REVIEW_DUE,
            SafetyPlanProcess.URGENCY.get(execution), SafetyPlanProcess.MINOR.get(execution), now)
        .filter(latest -> latest.isBefore(chosen)).orElse(chosen);
    SafetyPlanProcess.REVIEW_DUE_AT.set(execution, due.toOffsetDateTime().toString());
    SafetyPlanProcess.REVIEW_REASON.set(execution, null);
  }
}
