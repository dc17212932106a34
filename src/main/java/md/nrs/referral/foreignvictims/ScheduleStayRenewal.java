package md.nrs.referral.foreignvictims;

import md.nrs.referral.sla.SlaDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When the provisional stay right is to be renewed: the SLA table's row for the renewal timer (six months by law,
 * asked one month before they end), counted from the grant or the last renewal.
 */
@Component("scheduleStayRenewal")
public class ScheduleStayRenewal implements JavaDelegate {

  private final SlaDeadlines deadlines;

  public ScheduleStayRenewal(SlaDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ForeignVictimProcess.STAY_RENEWAL_DUE_AT.set(execution,
        deadlines.dueFromNow(execution, ForeignVictimProcess.Elements.STAY_RENEWAL_DUE));
  }
}
