package md.nrs.referral.casepath;

import md.nrs.referral.agencies.NotifiedAgencies;
import static md.nrs.referral.casepath.NrsCaseProcess.CASE_CODE;

import java.util.LinkedHashSet;
import java.util.Set;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The person withdrew consent: every agency that was asked to act on the case is told to stop. */
@Component("tellAgenciesConsentWithdrawn")
public class TellAgenciesConsentWithdrawn implements JavaDelegate {

  private final AgencyNotifications notifications;
  private final NotifiedAgencies notified;

  public TellAgenciesConsentWithdrawn(AgencyNotifications notifications, NotifiedAgencies notified) {
    this.notifications = notifications;
    this.notified = notified;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CASE_CODE.get(execution);
    Set<String> agencies = new LinkedHashSet<>();
    agencies.addAll(notified.about(caseCode));
    agencies.add(NrsCaseProcess.RESPONSIBLE_TEAM.get(execution));
    agencies.remove(null);
    for (String agency : agencies) {
      notifications.notify(new AgencyNotification(agency, caseCode, NrsCaseProcess.Elements.TELL_AGENCIES_CONSENT_WITHDRAWN,
          "The person withdrew consent: stop all work on this case and share nothing more", null,
          execution.getProcessInstanceId()));
    }
  }
}
