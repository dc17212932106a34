package md.nrs.referral.reporting;

import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORTING_MONTH;

import java.time.Clock;
import java.time.ZonedDateTime;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Notes the month (1-12) the reporting timer fired in, in the platform's time zone, for the reports-due table. */
@Component("noteReportingMonth")
public class NoteReportingMonth implements JavaDelegate {

  private final Clock clock;

  public NoteReportingMonth(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The engine's clock (tests move it), read in the platform's zone.
    REPORTING_MONTH.set(execution,
        ZonedDateTime.ofInstant(PlatformClock.now(), clock.getZone()).getMonthValue());
  }
}
