package md.nrs.referral.crossborder;

import static md.nrs.referral.crossborder.OutboundReferralProcess.CASE_CODE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTING_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Without consent nothing goes abroad: the refusal is recorded and the requesting agency told why. */
@Component("tellRequesterNoConsent")
public class TellRequesterNoConsent implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellRequesterNoConsent(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutboundReferralProcess.OUTCOME.set(execution, OutboundReferralProcess.OUTCOME_NO_CONSENT);
    String partner = PARTNER_AGENCY.get(execution);
    notifications.notify(new AgencyNotification(REQUESTING_AGENCY.get(execution), CASE_CODE.get(execution),
        OutboundReferralProcess.Elements.NOT_SENT_WITHOUT_CONSENT,
        "Request to " + partner + " not sent: the person has not consented to sharing the case with " + partner
            + ". Record that consent in the informed-consent form first, then ask again.",
        null, execution.getProcessInstanceId()));
  }
}
