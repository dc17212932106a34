package md.nrs.referral.custody;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Tell the team: transfer declined": the team that holds the case keeps it and learns why (a reason code only). */
@Component("tellRequesterTransferDeclined")
public class TellRequesterDeclined implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellRequesterDeclined(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String scope = CaseTransferProcess.TRANSFER_SCOPE.get(execution);
    notifications.notify(new AgencyNotification(CaseTransferProcess.FROM_TEAM.get(execution),
        CaseTransferProcess.CASE_CODE.get(execution), CaseTransferProcess.Elements.TELL_REQUESTER_DECLINED,
        CaseTransferProcess.TO_TEAM.get(execution) + " declined to take over "
            + (CaseTransferProcess.SCOPE_CASE.equals(scope) ? "the case" : "the " + scope + " service") + " ("
            + CaseTransferProcess.DECLINE_REASON.getOrDefault(execution, "no reason given") + "): it stays with you",
        null, execution.getProcessInstanceId()));
  }
}
