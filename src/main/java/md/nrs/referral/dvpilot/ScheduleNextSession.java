package md.nrs.referral.dvpilot;

import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_STARTS_ON;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.NEXT_SESSION_AT;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSION_INTERVAL;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSION_NUMBER;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.ZONE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant next;
    if (number == 1) {
      Instant groupStart = LocalDate.parse(GROUP_STARTS_ON.get(execution)).atStartOfDay(ZONE).toInstant();
      next = groupStart.isAfter(now) ? groupStart : now;
    } else {
      Period interval = Period.parse(SESSION_INTERVAL.get(execution));
      next = Instant.parse(NEXT_SESSION_AT.get(execution)).atZone(ZONE).plus(interval).toInstant();
    }
    SESSION_NUMBER.set(execution, number);
    NEXT_SESSION_AT.set(execution, next.toString());
  }
}
