package md.nrs.referral.monitoring;

import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UPS;
import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UPS_DONE;
import static md.nrs.referral.monitoring.MonitoringProcess.MINOR;
import static md.nrs.referral.monitoring.MonitoringProcess.MORE_FOLLOW_UPS_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts one more follow-up visit done and says whether the schedule has more to come (always, for a child). */
@Component("countFollowUp")
public class CountFollowUp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int done = FOLLOW_UPS_DONE.getOrDefault(execution, 0) + 1;
    FOLLOW_UPS_DONE.set(execution, done);
    // a child is followed up until the 18th birthday, which ends the visits (monitoring.bpmn)
    MORE_FOLLOW_UPS_DUE.set(execution, done < FOLLOW_UPS.get(execution) || Boolean.TRUE.equals(MINOR.get(execution)));
  }
}
