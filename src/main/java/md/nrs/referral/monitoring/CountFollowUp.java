package md.nrs.referral.monitoring;

import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UPS;
import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UPS_DONE;
import static md.nrs.referral.monitoring.MonitoringProcess.MORE_FOLLOW_UPS_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts one more follow-up visit done and says whether the schedule has more to come. */
@Component("countFollowUp")
public class CountFollowUp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int done = FOLLOW_UPS_DONE.getOrDefault(execution, 0) + 1;
    FOLLOW_UPS_DONE.set(execution, done);
    MORE_FOLLOW_UPS_DUE.set(execution, done < FOLLOW_UPS.get(execution));
  }
}
