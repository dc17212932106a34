package md.nrs.referral.reintegration;

import static md.nrs.referral.reintegration.ReintegrationProcess.CASE_CODE;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the agency that runs one chosen programme, through the outbox, to follow it for the case. */
@Component("notifyProgrammeAgency")
public class NotifyProgrammeAgency implements JavaDelegate {

  private final AgencyNotifications notifications;

  public NotifyProgrammeAgency(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(PROGRAMME_AGENCY.get(execution), CASE_CODE.get(execution),
        ReintegrationProcess.Elements.FOLLOW_PROGRAMME,
        "Run the " + PROGRAMME.get(execution) + " reintegration programme and report its outcome",
        null, execution.getProcessInstanceId()));
  }
}
