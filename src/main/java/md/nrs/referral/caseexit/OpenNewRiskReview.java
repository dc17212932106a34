package md.nrs.referral.caseexit;

import static md.nrs.referral.engine.Platform.asPlatform;

import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Open a new risk review": re-trafficking is a new risk, not an end. The case goes on and the coordinators get
 * its urgent risk review (the case's SafetyIncident path). A case that has ended meanwhile gets nothing.
 */
@Component("openNewRiskReview")
public class OpenNewRiskReview implements JavaDelegate {

  private final CaseSteps steps;

  public OpenNewRiskReview(CaseSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var engine = execution.getProcessEngineServices();
    steps.openCase(CaseExitProcess.CASE_CODE.get(execution)).ifPresent(nrsCase -> asPlatform(engine, () -> engine
        .getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_SAFETY_INCIDENT)
        .processInstanceId(nrsCase.getId()).correlateWithResult()));
  }
}
