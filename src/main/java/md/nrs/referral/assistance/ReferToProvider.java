package md.nrs.referral.assistance;

import static md.nrs.referral.assistance.AssistanceServiceProcess.CASE_CODE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_AGENCY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_TYPE;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the chosen provider agency, through the outbox, that a service referral awaits its answer. */
@Component("referToProvider")
public class ReferToProvider implements JavaDelegate {

  private final AgencyNotifications notifications;

  public ReferToProvider(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(PROVIDER_AGENCY.get(execution), CASE_CODE.get(execution),
        AssistanceServiceProcess.Elements.ANSWER_REFERRAL,
        "Accept or reject a referral for " + SERVICE_TYPE.get(execution) + " assistance",
        null, execution.getProcessInstanceId()));
  }
}
