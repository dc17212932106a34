package md.nrs.referral.caseexit;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.ArrayList;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.privacy.AssistanceConsent;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "End the case": notes which agencies have an open step now (they are told once the steps have ended) and
 * sends CaseExitApproved to the case, whose interrupting event sub-process ends every called process, task and
 * timer. A reported withdrawal of consent is recorded first, so nothing more is shared. No open case left (it
 * was closed or withdrawn meanwhile): error CaseAlreadyEnded, nothing to end.
 */
@Component("endTheCase")
public class EndTheCase implements JavaDelegate {

  private final CaseSteps steps;
  private final AssistanceConsent consent;

  public EndTheCase(CaseSteps steps, AssistanceConsent consent) {
    this.steps = steps;
    this.consent = consent;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CaseExitProcess.CASE_CODE.get(execution);
    String reason = CaseExitProcess.EXIT_REASON.get(execution);
    var nrsCase = steps.openCase(caseCode).orElseThrow(() -> new BpmnError(CaseExitProcess.ERROR_CASE_ALREADY_ENDED,
        "case " + caseCode + " has already ended"));
    ArrayList<String> agencies = new ArrayList<>(steps.agenciesWithOpenSteps(nrsCase.getId()));
    if (ExitReason.CONSENT_WITHDRAWN.wireName().equals(reason)) {
      Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
      consent.withdraw(caseCode, caller.authenticated() ? caller.userId() : "system",
          CaseExitProcess.PROPOSING_AGENCY.get(execution), "case exit approved");
    }
    var engine = execution.getProcessEngineServices();
    asPlatform(engine, () -> engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CASE_EXIT_APPROVED)
        .processInstanceId(nrsCase.getId())
        .setVariable(NrsCaseProcess.EXIT_REASON.name(), reason)
        .setVariable(NrsCaseProcess.AGENCIES_WITH_OPEN_STEPS.name(), agencies)
        .correlateWithResult());
  }
}
