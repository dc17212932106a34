package md.nrs.referral.foreignvictims;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The integration plan completed: the person is counted as integrating in Moldova. */
@Component("recordLocalIntegration")
public class RecordLocalIntegration implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(ForeignVictimProcess.OUTCOME.name(), ForeignVictimProcess.OUTCOME_INTEGRATING);
  }
}
