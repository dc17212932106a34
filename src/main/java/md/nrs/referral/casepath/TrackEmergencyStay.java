package md.nrs.referral.casepath;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Marks the emergency shelter stay as running from its start to its end, so the assistance plan's shelter step
 * continues it instead of placing the person a second time.
 */
@Component("trackEmergencyStay")
public class TrackEmergencyStay implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    NrsCaseProcess.EMERGENCY_STAY_RUNNING.set(execution, EVENTNAME_START.equals(execution.getEventName()));
  }
}
