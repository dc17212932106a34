package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.CASE_CODE;
import static md.nrs.referral.repatriation.RepatriationProcess.GUARDIANSHIP_AUTHORITY;
import static md.nrs.referral.repatriation.RepatriationProcess.TRAVEL_DATE;

import java.time.Clock;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A child returns: tells the guardianship authority, through the outbox, when and where, because a child
 * is always handed over with the guardianship authority present. Due on the travel day.
 */
@Component("notifyGuardianshipAuthorityOfReturn")
public class NotifyGuardianshipAuthorityOfReturn implements JavaDelegate {

  private final AgencyNotifications notifications;
  private final Clock clock;

  public NotifyGuardianshipAuthorityOfReturn(AgencyNotifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(GUARDIANSHIP_AUTHORITY, CASE_CODE.get(execution),
        RepatriationProcess.Elements.RECEIVE_AND_HAND_OVER,
        "A child returns home on " + TRAVEL_DATE.get(execution) + " at " + ArrivalPoints.describe(execution)
            + ": be present at the reception and hand-over",
        TravelDay.start(execution, clock), execution.getProcessInstanceId()));
  }
}
