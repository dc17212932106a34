package md.nrs.referral.crossborder;

import static md.nrs.referral.crossborder.OutboundReferralProcess.CASE_CODE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTING_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The partner's outcome is overdue: the asking agency is told to chase it; the partner's step stays open. */
@Component("tellRequesterOutcomeOverdue")
public class TellRequesterOutcomeOverdue implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellRequesterOutcomeOverdue(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(REQUESTING_AGENCY.get(execution), CASE_CODE.get(execution),
        OutboundReferralProcess.Elements.TELL_REQUESTER_OUTCOME_OVERDUE,
        PARTNER_AGENCY.get(execution) + " has not yet said what it did for the person (due "
            + OutboundReferralProcess.OUTCOME_DUE_AT.get(execution) + "); contact it", null,
        execution.getProcessInstanceId()));
  }
}
