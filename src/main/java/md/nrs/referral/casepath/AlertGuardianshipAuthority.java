package md.nrs.referral.casepath;

import static md.nrs.referral.casepath.NrsCaseProcess.CASE_CODE;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A child was referred: the guardianship authority is told at once, before anything else happens
 * (draft amendment to GD 270/2014: immediately, electronic message within 30 minutes).
 */
@Component("alertGuardianshipAuthority")
public class AlertGuardianshipAuthority implements JavaDelegate {

  private final AgencyNotifications notifications;
  private final String guardianshipAuthority;
  private final java.time.Duration alertWithin;

  public AlertGuardianshipAuthority(AgencyNotifications notifications,
      @Value("${nrs.case.guardianship-authority:guardianship-chisinau}") String guardianshipAuthority,
      @Value("${nrs.case.guardianship-alert-within:PT30M}") java.time.Duration alertWithin) {
    this.notifications = notifications;
    this.guardianshipAuthority = guardianshipAuthority;
    this.alertWithin = alertWithin;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(guardianshipAuthority, CASE_CODE.get(execution),
        NrsCaseProcess.Elements.ALERT_GUARDIANSHIP,
        "A child has been referred to the NRS: take part in the first assessment and protect the child",
        PlatformClock.now().plus(alertWithin), execution.getProcessInstanceId()));
  }
}
