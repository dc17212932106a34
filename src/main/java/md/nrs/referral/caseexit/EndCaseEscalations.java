package md.nrs.referral.caseexit;

import static md.nrs.referral.engine.Platform.asPlatform;

import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.sla.SlaEscalationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * nrs-case, "End the case's escalations": an overdue step of an ended case needs no one to act on it, so the
 * case's running sla-escalation instances end too (deleted with the exit reason, which history keeps).
 */
@Component("endCaseEscalations")
public class EndCaseEscalations implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = NrsCaseProcess.CASE_CODE.get(execution);
    String reason = NrsCaseProcess.EXIT_REASON.get(execution);
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    asPlatform(execution.getProcessEngineServices(), () -> {
      runtime.createProcessInstanceQuery().processDefinitionKey(SlaEscalationProcess.KEY)
          .processInstanceBusinessKey(caseCode).list()
          .forEach(escalation -> runtime.deleteProcessInstance(escalation.getId(), "case ended: " + reason, false, true));
      return null;
    });
  }
}
