package md.nrs.referral.crossborder;

import static md.nrs.referral.crossborder.OutboundReferralProcess.CASE_CODE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTING_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The partner accepted: the requesting agency is told, so the case team can coordinate with it. */
@Component("tellRequesterPartnerAssists")
public class TellRequesterPartnerAssists implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellRequesterPartnerAssists(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutboundReferralProcess.OUTCOME.set(execution, OutboundReferralProcess.OUTCOME_PARTNER_ASSISTS);
    notifications.notify(new AgencyNotification(REQUESTING_AGENCY.get(execution), CASE_CODE.get(execution),
        OutboundReferralProcess.Elements.TELL_REQUESTER_PARTNER_ASSISTS,
        PARTNER_AGENCY.get(execution) + " accepted to assist the person; coordinate the next steps with it",
        null, execution.getProcessInstanceId()));
  }
}
