package md.nrs.referral.casepath;

import md.nrs.referral.casefile.CaseCodes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new case its code (NRS-2026-000042), used as business key so Tasklist, Cockpit and the
 * called processes all show it. A channel that already holds a case code (an intake API that must be
 * idempotent) passes it as business key, under a {@code PlatformStarts} permit, and keeps it.
 */
@Component("assignCaseCode")
public class AssignCaseCode implements ExecutionListener {

  private final CaseCodes caseCodes;

  public AssignCaseCode(CaseCodes caseCodes) {
    this.caseCodes = caseCodes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String given = execution.getProcessBusinessKey();
    String code = given != null && CaseCodes.FORMAT.matcher(given).matches() ? given : caseCodes.next();
    execution.setProcessBusinessKey(code);
    NrsCaseProcess.CASE_CODE.set(execution, code);
  }
}
