package md.nrs.referral.caseexit;

import java.util.LinkedHashSet;
import java.util.Set;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * nrs-case, "Tell the agencies: case ended": one notice to each agency that had an open step when the exit
 * was approved, and to the responsible team — the case code and the reason, nothing else. The notices go
 * through the outbox, so they are delivered after the case has ended.
 */
@Component("tellAgenciesCaseEnded")
public class TellAgenciesCaseEnded implements JavaDelegate {

  private final AgencyNotifications notifications;

  public TellAgenciesCaseEnded(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = NrsCaseProcess.CASE_CODE.get(execution);
    String told = ExitReason.of(NrsCaseProcess.EXIT_REASON.get(execution)).map(ExitReason::told).orElse("exit approved");
    Set<String> agencies = new LinkedHashSet<>(NrsCaseProcess.AGENCIES_WITH_OPEN_STEPS.getOrDefault(execution, java.util.List.of()));
    agencies.add(NrsCaseProcess.RESPONSIBLE_TEAM.get(execution));
    agencies.remove(null);
    for (String agency : agencies) {
      notifications.notify(new AgencyNotification(agency, caseCode, NrsCaseProcess.Elements.TELL_AGENCIES_CASE_ENDED,
          "The case has ended (" + told + "): stop all work on it; its open steps are closed", null,
          execution.getProcessInstanceId()));
    }
  }
}
