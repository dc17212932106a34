package md.nrs.referral.crossborder;

import static md.nrs.referral.crossborder.OutboundReferralProcess.ANSWER_DUE_AT;
import static md.nrs.referral.crossborder.OutboundReferralProcess.ASSISTANCE_NEEDED;
import static md.nrs.referral.crossborder.OutboundReferralProcess.CASE_CODE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTING_AGENCY;

import java.time.OffsetDateTime;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the partner abroad, through the outbox (delivered by its channel in the agency directory), to
 * accept or decline assisting the person of the case by the deadline. Case code and kinds of help only;
 * the caseworker's free-text note stays in Tasklist.
 */
@Component("sendRequestToPartner")
public class SendRequestToPartner implements JavaDelegate {

  private final AgencyNotifications notifications;

  public SendRequestToPartner(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestingAgency = REQUESTING_AGENCY.get(execution);
    notifications.notify(new AgencyNotification(PARTNER_AGENCY.get(execution), CASE_CODE.get(execution),
        OutboundReferralProcess.Elements.PARTNER_ANSWER,
        "Accept or decline assisting a person of the NRS of Moldova (" + String.join(", ", ASSISTANCE_NEEDED.get(execution))
            + ")" + (requestingAgency == null ? "" : ", asked by " + requestingAgency),
        OffsetDateTime.parse(ANSWER_DUE_AT.get(execution)).toInstant(), execution.getProcessInstanceId()));
  }
}
