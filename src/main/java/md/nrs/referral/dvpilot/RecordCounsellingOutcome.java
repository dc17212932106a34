package md.nrs.referral.dvpilot;

import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.COUNSELLING_OUTCOME;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.HOLDS_PLACE;

import md.nrs.referral.dvpilot.DvGroupCounsellingProcess.Elements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the events that end the participant's time in the group: sets counsellingOutcome from the event reached
 * (what the statistics count) and gives the group place back. The cycle ends before the safety check-in, so
 * "completed" is set then and the check-in leaves it alone.
 */
@Component("recordCounsellingOutcome")
public class RecordCounsellingOutcome implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String event = execution.getCurrentActivityId();
    COUNSELLING_OUTCOME.set(execution, switch (event) {
      case Elements.CYCLE_COMPLETED -> DvGroupCounsellingProcess.OUTCOME_COMPLETED;
      case Elements.DROPPED_OUT_END -> DvGroupCounsellingProcess.OUTCOME_DROPPED_OUT;
      case Elements.WRONG_GROUP_REFUSED, Elements.NOT_ELIGIBLE -> DvGroupCounsellingProcess.OUTCOME_NOT_ELIGIBLE;
      case Elements.DECLINED, Elements.WITHDRAWN -> DvGroupCounsellingProcess.OUTCOME_WITHDRAWN;
      default -> throw new IllegalStateException("No counselling outcome for the event " + event);
    });
    HOLDS_PLACE.set(execution, false);
  }
}
