package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.OUTCOME_RETURNED;
import static md.nrs.referral.repatriation.RepatriationProcess.RECEIVED_ON;
import static md.nrs.referral.repatriation.RepatriationProcess.REPATRIATION_OUTCOME;
import static md.nrs.referral.repatriation.RepatriationProcess.RETURNED_ON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The person is home: gives the case process the outcome "returned" and the date of the reception. */
@Component("recordReturn")
public class RecordReturn implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    REPATRIATION_OUTCOME.set(execution, OUTCOME_RETURNED);
    RETURNED_ON.set(execution, RECEIVED_ON.get(execution));
  }
}
