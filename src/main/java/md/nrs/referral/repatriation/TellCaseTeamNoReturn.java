package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.CASE_CODE;
import static md.nrs.referral.repatriation.RepatriationProcess.COUNTRY;
import static md.nrs.referral.repatriation.RepatriationProcess.OUTCOME_NOT_RETURNED;
import static md.nrs.referral.repatriation.RepatriationProcess.REPATRIATION_OUTCOME;
import static md.nrs.referral.repatriation.RepatriationProcess.RESPONSIBLE_TEAM;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.childprotection.BestInterestsProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The person does not want to return, or the guardianship authority found a child's return not in the child's best
 * interests: tells the responsible team, through the outbox, that assistance
 * goes on abroad, and gives the case process the outcome "not-returned".
 */
@Component("tellCaseTeamNoReturn")
public class TellCaseTeamNoReturn implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellCaseTeamNoReturn(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String from = COUNTRY.getOrDefault(execution, "abroad");
    String why = BestInterestsProcess.REFUSE.equals(RepatriationProcess.RETURN_DECISION.getOrDefault(execution, null))
        ? "The guardianship authority found the child's return from " + from + " not in the child's best interests"
        : "The person does not wish to return from " + from + " now";
    notifications.notify(new AgencyNotification(RESPONSIBLE_TEAM.get(execution), CASE_CODE.get(execution),
        RepatriationProcess.Elements.TELL_CASE_TEAM_NO_RETURN,
        why + ": assistance goes on abroad, a return can be asked for again later", null, execution.getProcessInstanceId()));
    REPATRIATION_OUTCOME.set(execution, OUTCOME_NOT_RETURNED);
  }
}
