package md.nrs.referral.monitoring;

import static md.nrs.referral.monitoring.MonitoringProcess.MONITORING_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On the end events of monitoring: sets the outcome the case process reads, from the end reached. */
@Component("recordMonitoringOutcome")
public class RecordMonitoringOutcome implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String end = execution.getCurrentActivityId();
    MONITORING_OUTCOME.set(execution, switch (end) {
      case MonitoringProcess.Elements.NEW_RISK_FOUND -> MonitoringProcess.OUTCOME_NEW_RISK;
      case MonitoringProcess.Elements.MONITORING_COMPLETED, MonitoringProcess.Elements.HANDED_OVER_TO_ADULT_SERVICES ->
          MonitoringProcess.OUTCOME_COMPLETED;
      default -> throw new IllegalStateException("No monitoring outcome for the end event " + end);
    });
  }
}
