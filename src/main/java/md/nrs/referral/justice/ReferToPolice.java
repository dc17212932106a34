package md.nrs.referral.justice;

import static md.nrs.referral.justice.CriminalJusticeProcess.CASE_CODE;
import static md.nrs.referral.justice.CriminalJusticeProcess.POLICE_AGENCY;
import static md.nrs.referral.justice.CriminalJusticeProcess.SUPPORTING_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refers the case to the police (CCTP) through the outbox: case code and the supporting agency, nothing else.
 * The consent-checked port decides: without the person's consent to share with the police as well as to inform
 * law enforcement, nothing is written and the process ends. Written under the answer step's id, so the police
 * are not told a second time when their task is created.
 */
@Component("referToPolice")
public class ReferToPolice implements JavaDelegate {

  private final AgencyNotifications notifications;

  public ReferToPolice(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = notifications.notify(new AgencyNotification(POLICE_AGENCY.get(execution), CASE_CODE.get(execution),
        CriminalJusticeProcess.Elements.POLICE_ANSWER,
        "Referral of a presumed victim of trafficking who consents to inform law enforcement; answer whether a criminal "
            + "case is opened and its number. Supporting agency: " + SUPPORTING_AGENCY.get(execution),
        null, execution.getProcessInstanceId()));
    CriminalJusticeProcess.REFERRED_TO_POLICE.set(execution, key != null);
  }
}
