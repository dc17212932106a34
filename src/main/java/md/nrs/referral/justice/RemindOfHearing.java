package md.nrs.referral.justice;

import static md.nrs.referral.justice.CriminalJusticeProcess.CASE_CODE;
import static md.nrs.referral.justice.CriminalJusticeProcess.HEARING_AT;
import static md.nrs.referral.justice.CriminalJusticeProcess.SUPPORTING_AGENCY;

import java.time.OffsetDateTime;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the supporting agency of the coming hearing, to prepare and accompany the person. Case code and date only. */
@Component("remindOfHearing")
public class RemindOfHearing implements JavaDelegate {

  private final AgencyNotifications notifications;

  public RemindOfHearing(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime hearing = OffsetDateTime.parse(HEARING_AT.get(execution));
    notifications.notify(new AgencyNotification(SUPPORTING_AGENCY.get(execution), CASE_CODE.get(execution),
        CriminalJusticeProcess.Elements.REMIND_OF_HEARING,
        "Hearing in the criminal case on " + hearing.toLocalDate() + ": prepare the person and accompany them",
        hearing.toInstant(), execution.getProcessInstanceId()));
  }
}
