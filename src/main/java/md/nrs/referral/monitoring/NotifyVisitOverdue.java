package md.nrs.referral.monitoring;

import static md.nrs.referral.monitoring.MonitoringProcess.CASE_CODE;
import static md.nrs.referral.monitoring.MonitoringProcess.RESPONSIBLE_TEAM;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the NRS coordinators, through the outbox, that a follow-up visit of the case is overdue. */
@Component("notifyVisitOverdue")
public class NotifyVisitOverdue implements JavaDelegate {

  private final AgencyNotifications notifications;

  public NotifyVisitOverdue(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(MonitoringProcess.NRS_COORDINATORS, CASE_CODE.get(execution),
        MonitoringProcess.Elements.FOLLOW_UP_VISIT,
        "The follow-up visit by " + RESPONSIBLE_TEAM.get(execution) + " is overdue: check with the team",
        null, execution.getProcessInstanceId()));
  }
}
