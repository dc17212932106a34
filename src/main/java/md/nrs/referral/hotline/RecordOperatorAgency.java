package md.nrs.referral.hotline;

import java.util.List;
import md.nrs.referral.engine.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Notes on a new call which line took it: the operator's own agency group (la-strada or interaction),
 * so the statistics count each call for the right organisation whatever the operator typed. A caller
 * without a person behind it (an engine test, a future channel) names the agency itself. Unticked
 * checkboxes a Java caller left out count as "no", so the classification table always sees a value.
 */
@Component("recordOperatorAgency")
public class RecordOperatorAgency implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Caller operator = Caller.current(execution.getProcessEngineServices().getIdentityService());
    String given = HotlineCallProcess.OPERATOR_AGENCY.get(execution);
    String agency;
    if (operator.authenticated()) {
      List<String> groups = operator.groups();
      List<String> lines = HotlineCallProcess.OPERATOR_AGENCIES.stream().filter(groups::contains).toList();
      if (lines.isEmpty()) {
        throw new IllegalStateException("Only operators of " + HotlineCallProcess.OPERATOR_AGENCIES + " record hotline calls");
      }
      agency = lines.contains(given) ? given : lines.get(0);
    } else if (given != null && HotlineCallProcess.OPERATOR_AGENCIES.contains(given)) {
      agency = given;
    } else {
      throw new IllegalStateException("A hotline call needs the operator's agency, one of " + HotlineCallProcess.OPERATOR_AGENCIES);
    }
    HotlineCallProcess.OPERATOR_AGENCY.set(execution, agency);
    for (var flag : List.of(HotlineCallProcess.IMMEDIATE_DANGER, HotlineCallProcess.MINOR_INVOLVED,
        HotlineCallProcess.FOLLOW_UP_AGREED)) {
      if (flag.get(execution) == null) {
        flag.set(execution, false);
      }
    }
  }
}
