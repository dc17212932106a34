package md.nrs.referral.crossborder;

import md.nrs.referral.sla.SlaDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When the partner's answer is due: the SLA table's time limit for the answer step (policy default 5
 * working days), counted from now on the working calendar. The task's due date and the timer that
 * hands the request to a coordinator both use it; chasing the partner sets a new one.
 */
@Component("setAnswerDeadline")
public class SetAnswerDeadline implements JavaDelegate {

  private final SlaDeadlines deadlines;

  public SetAnswerDeadline(SlaDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutboundReferralProcess.ANSWER_DUE_AT.set(execution,
        deadlines.dueFromNow(execution, OutboundReferralProcess.Elements.PARTNER_ANSWER));
  }
}
