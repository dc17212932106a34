package md.nrs.referral.privacy.consent;

import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.engine.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The consent check a policy officer places with the "Consent check" element template: may the case be
 * shared with the agency chosen in the model, under the person's consent as recorded now
 * ({@link ConsentPolicy#mayNotify})? Sets {@code consentGiven} for the gateway that follows; the reason
 * stays in the policy's audit, not in the process.
 */
@Component("checkConsentToNotify")
public class CheckConsentToNotify implements JavaDelegate {

  /** Input parameter of the element: the directory id of the agency the case would be shared with. */
  public static final ProcessVariable<String> CONSENT_AGENCY = ProcessVariable.text("consentAgency");
  /** Set by the check: true when the case may be shared with that agency. */
  public static final ProcessVariable<Boolean> CONSENT_GIVEN = ProcessVariable.flag("consentGiven");

  private final ConsentPolicy policy;

  public CheckConsentToNotify(ConsentPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object agency = execution.getVariableLocal(CONSENT_AGENCY.name());
    if (!(agency instanceof String id) || id.isBlank()) {
      throw new IllegalStateException("Element " + execution.getCurrentActivityId() + " has no input parameter '"
          + CONSENT_AGENCY.name() + "'; place it with the \"Consent check\" element template");
    }
    boolean allowed = policy.mayNotify(execution.getProcessBusinessKey(), id.trim()).allowed();
    execution.setVariable(CONSENT_GIVEN.name(), allowed);
  }
}
