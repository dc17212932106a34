package md.nrs.referral.casepath;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The recovery and reflection period is over: the police may now be told of the case, if the person consented. */
@Component("endReflectionPeriod")
public class EndReflectionPeriod implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    NrsCaseProcess.REFLECTION_PERIOD_OVER.set(execution, true);
  }
}
