package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.CASE_CODE;
import static md.nrs.referral.repatriation.RepatriationProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.repatriation.RepatriationProcess.TRAVEL_DATE;

import java.time.Clock;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the receiving team, through the outbox, when and where the person arrives; due on the travel day. */
@Component("notifyReceivingTeam")
public class NotifyReceivingTeam implements JavaDelegate {

  private final AgencyNotifications notifications;
  private final Clock clock;

  public NotifyReceivingTeam(AgencyNotifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(RESPONSIBLE_TEAM.get(execution), CASE_CODE.get(execution),
        RepatriationProcess.Elements.RECEIVE_AND_HAND_OVER,
        "Receive a person returning home on " + TRAVEL_DATE.get(execution) + " at " + ArrivalPoints.describe(execution)
            + ", and record the hand-over",
        TravelDay.start(execution, clock), execution.getProcessInstanceId()));
  }
}
