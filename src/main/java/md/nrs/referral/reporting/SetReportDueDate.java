package md.nrs.referral.reporting;

import static md.nrs.referral.reporting.ReportingDeadlinesProcess.DUE_DAY;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.DUE_MONTH;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.DUE_TIME;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORT_DUE_DATE;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the deadline the reporting calendar gives (month, day, time of day) into the reporting task's due date, in
 * the platform's time zone (Europe/Chisinau by default): the occurrence of that day nearest to now, so a timer that
 * fires on 2 January gets the deadline of the same January, and one that fires on 1 July the 15 July after it.
 * A report started late (after its deadline) gets the deadline just passed, not next year's: it is overdue.
 */
@Component("setReportDueDate")
public class SetReportDueDate implements JavaDelegate {

  private final Clock clock;

  public SetReportDueDate(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The engine's clock (tests move it), read in the platform's zone.
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), clock.getZone());
    LocalTime time = LocalTime.parse(DUE_TIME.get(execution));
    ZonedDateTime due = Stream.of(-1, 0, 1)
        .map(years -> now.toLocalDate().plusYears(years)
            .withMonth(DUE_MONTH.get(execution)).withDayOfMonth(DUE_DAY.get(execution))
            .atTime(time).atZone(clock.getZone()))
        .min(Comparator.comparing(candidate -> Duration.between(now, candidate).abs()))
        .orElseThrow();
    REPORT_DUE_DATE.set(execution, due.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }
}
