package md.nrs.referral.assistance;

import static md.nrs.referral.assistance.AssistanceServiceProcess.COORDINATOR_DECISION;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_AGENCY;

import java.util.List;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.privacy.ConsentPolicy;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The coordinator may name a provider only if the person's consent allows sharing the case with it:
 * otherwise the choice is refused (400 naming the field) and the task stays open, so no task or
 * notification ever reaches an agency the person did not consent to.
 */
@Component("requireConsentForChosenProvider")
public class RequireConsentForChosenProvider implements TaskListener {

  private final ConsentPolicy consent;

  public RequireConsentForChosenProvider(ConsentPolicy consent) {
    this.consent = consent;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!AssistanceServiceProcess.DECISION_REFER.equals(COORDINATOR_DECISION.get(task.getExecution()))) {
      return;
    }
    String provider = PROVIDER_AGENCY.get(task.getExecution());
    if (provider != null && !consent.mayNotify(task.getExecution().getProcessBusinessKey(), provider).allowed()) {
      throw new InvalidFormException(AssistanceServiceProcess.FORM_CHOOSE_PROVIDER, List.of(new FieldError(
          PROVIDER_AGENCY.name(), "the person has not consented to share the case with this agency")));
    }
  }
}
