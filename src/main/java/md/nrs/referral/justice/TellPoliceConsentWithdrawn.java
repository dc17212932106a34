package md.nrs.referral.justice;

import static md.nrs.referral.justice.CriminalJusticeProcess.CASE_CODE;
import static md.nrs.referral.justice.CriminalJusticeProcess.POLICE_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The person withdrew the consent to inform law enforcement: the police are told once to stop processing what
 * they received (a legal duty, nrs.privacy.legal-duties), and nothing more goes to them from this process.
 */
@Component("tellPoliceConsentWithdrawn")
public class TellPoliceConsentWithdrawn implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellPoliceConsentWithdrawn(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(new AgencyNotification(POLICE_AGENCY.get(execution), CASE_CODE.get(execution),
        CriminalJusticeProcess.Elements.TELL_POLICE_CONSENT_WITHDRAWN,
        "The person withdrew the consent to inform law enforcement: stop processing the data of this case received "
            + "through the NRS; nothing further will be shared", null, execution.getProcessInstanceId()));
  }
}
