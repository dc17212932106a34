package md.nrs.referral.crossborder;

import static md.nrs.referral.crossborder.OutboundReferralProcess.CASE_CODE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_OUTCOME;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTING_AGENCY;
import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.LinkedHashSet;
import java.util.Set;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the loop: the partner's outcome becomes the request's outcome and is told to the team responsible for
 * the case now (it may have changed hands since the request) and to the agency that asked, once each. The note
 * stays in the process; the notice names only the outcome.
 */
@Component("tellResponsibleTeamOutcome")
public class TellResponsibleTeamOutcome implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellResponsibleTeamOutcome(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = PARTNER_OUTCOME.get(execution);
    OutboundReferralProcess.OUTCOME.set(execution, outcome);
    String caseCode = CASE_CODE.get(execution);
    Set<String> told = new LinkedHashSet<>();
    var engine = execution.getProcessEngineServices();
    String responsibleTeam = asPlatform(engine, () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).active().list().stream().findFirst()
        .map(c -> (String) engine.getRuntimeService().getVariable(c.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()))
        .orElse(null));
    if (responsibleTeam != null) {
      told.add(responsibleTeam);
    }
    told.add(REQUESTING_AGENCY.get(execution));
    String text = PARTNER_AGENCY.get(execution) + " reports the outcome of the referral abroad: " + outcome
        + ". Follow up in the case.";
    for (String agency : told) {
      notifications.notify(new AgencyNotification(agency, caseCode,
          OutboundReferralProcess.Elements.TELL_RESPONSIBLE_TEAM_OUTCOME, text, null, execution.getProcessInstanceId()));
    }
  }
}
