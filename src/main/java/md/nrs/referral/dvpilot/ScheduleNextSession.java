package md.nrs.referral.dvpilot;

import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_STARTS_ON;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.NEXT_SESSION_AT;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSION_INTERVAL;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSION_NUMBER;

import java.time.Instant;
import java.time.Period;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the day of the participant's next session: the first on the group's start day (or now, for a
 * participant who joins a group already running), each later one a session interval after the last, on a
 * fixed weekly rhythm even when attendance is recorded late.
 */
@Component("scheduleNextSession")
public class ScheduleNextSession implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int number = SESSION_NUMBER.getOrDefault(execution, 0) + 1;
    Instant now = PlatformClock.now();
    Instant next;
    if (number == 1) {
      Instant groupStart = GROUP_STARTS_ON.get(execution).atStartOfDay(PlatformClock.zone()).toInstant();
      next = groupStart.isAfter(now) ? groupStart : now;
    } else {
      Period interval = Period.parse(SESSION_INTERVAL.get(execution));
      next = Instant.parse(NEXT_SESSION_AT.get(execution)).atZone(PlatformClock.zone()).plus(interval).toInstant();
    }
    SESSION_NUMBER.set(execution, number);
    NEXT_SESSION_AT.set(execution, next.toString());
  }
}
