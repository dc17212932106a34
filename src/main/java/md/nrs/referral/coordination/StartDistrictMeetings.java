package md.nrs.referral.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When meetings are due, starts one meeting per configured district, each its own instance with the
 * business key {@code meeting-<district>-<year>-Q<quarter>}. A district that already has this quarter's
 * meeting (the timer job retried) is left alone.
 */
@Component("startDistrictMeetings")
public class StartDistrictMeetings implements JavaDelegate {

  private final CoordinationMeetingSchedule schedule;
  private final Clock clock;

  public StartDistrictMeetings(CoordinationMeetingSchedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the engine's clock, so that tests moving it move the meetings too
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), clock.getZone());
    LocalDate since = now.toLocalDate().minus(schedule.lookBack());
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (CoordinationMeetingProperties.District district : schedule.districts()) {
      String businessKey = "meeting-" + district.id() + "-" + now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
      if (runtime.createProcessInstanceQuery().processDefinitionKey(CoordinationMeetingProcess.KEY)
          .processInstanceBusinessKey(businessKey).count() > 0) {
        continue;
      }
      PlatformStarts.withBusinessKey(businessKey, () -> runtime.createMessageCorrelation(
              CoordinationMeetingProcess.MESSAGE_DISTRICT_MEETING_DUE)
          .processInstanceBusinessKey(businessKey)
          .setVariable(CoordinationMeetingProcess.DISTRICT.name(), district.id())
          .setVariable(CoordinationMeetingProcess.AGENDA_SINCE.name(), since.toString())
          .correlateStartMessage());
    }
  }
}
