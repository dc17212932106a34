package md.nrs.referral.crossborder;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.sla.DueDatesFromSlaTable;
import md.nrs.referral.sla.WorkingCalendar;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When the partner's answer is due: the SLA table's time limit for the answer step (policy default 5
 * working days), counted from now on the working calendar. The task's due date and the timer that
 * hands the request to a coordinator both use it; chasing the partner sets a new one.
 */
@Component("setAnswerDeadline")
public class SetAnswerDeadline implements JavaDelegate {

  private final WorkingCalendar calendar;
  private final ZoneId zone;

  public SetAnswerDeadline(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("step", OutboundReferralProcess.Elements.PARTNER_ANSWER);
    facts.put("urgency", null);
    facts.put("minor", null);
    DmnDecisionResult result = asPlatform(execution.getProcessEngineServices(), () -> execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey(DueDatesFromSlaTable.DECISION).variables(facts).evaluate());
    if (result.isEmpty()) {
      throw new IllegalStateException("The table " + DueDatesFromSlaTable.DECISION + " has no time limit for "
          + OutboundReferralProcess.Elements.PARTNER_ANSWER);
    }
    String duration = result.getFirstResult().getEntry("duration");
    WorkingCalendar.Mode mode = "around-the-clock".equals(result.getFirstResult().getEntry("calendar"))
        ? WorkingCalendar.Mode.AROUND_THE_CLOCK : WorkingCalendar.Mode.WORKING_DAYS;
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), zone);
    OutboundReferralProcess.ANSWER_DUE_AT.set(execution, calendar.dueAfter(now, duration, mode).toOffsetDateTime().toString());
  }
}
