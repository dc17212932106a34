package md.nrs.referral.crossborder;

import md.nrs.referral.sla.SlaDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When the partner that accepted is to say what it did (assisted, return organised, not reached): the SLA
 * table's row for the outcome step (policy default), used by the task's due date and the reminder timer.
 */
@Component("setOutcomeDeadline")
public class SetOutcomeDeadline implements JavaDelegate {

  private final SlaDeadlines deadlines;

  public SetOutcomeDeadline(SlaDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutboundReferralProcess.OUTCOME_DUE_AT.set(execution,
        deadlines.dueFromNow(execution, OutboundReferralProcess.Elements.RECORD_PARTNER_OUTCOME));
  }
}
