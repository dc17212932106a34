package md.nrs.referral.assistance;

import static md.nrs.referral.assistance.AssistanceServiceProcess.NEEDS_SHARED;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PLANNED_SERVICES;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PLAN_SUMMARY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_AGENCY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SHELTER_NEEDED;

import java.util.List;
import md.nrs.referral.privacy.ConsentPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts on the provider's "Accept or reject the referral" task what the case's needs are — the planned services,
 * whether a shelter is needed, the team's summary of the plan — when the person's consent allows sharing them
 * with that provider ({@link ConsentPolicy#mayTellNeeds}); otherwise only that nothing is shared. The needs are
 * read from the calling case and kept as task variables, never as variables of the service's process: a provider
 * reads every variable of its task's process, and one without consent must learn nothing but the kind of service.
 */
@Component("shareNeedsWithProvider")
public class ShareNeedsWithProvider implements TaskListener {

  private static final List<String> NEEDS = List.of(PLANNED_SERVICES.name(), SHELTER_NEEDED.name(), PLAN_SUMMARY.name());

  private final ConsentPolicy consent;

  public ShareNeedsWithProvider(ConsentPolicy consent) {
    this.consent = consent;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution theCase = task.getExecution().getProcessInstance().getSuperExecution();
    boolean shared = theCase != null && consent.mayTellNeeds(task.getExecution().getProcessBusinessKey(),
        PROVIDER_AGENCY.get(task.getExecution())).allowed();
    task.setVariableLocal(NEEDS_SHARED.name(), shared);
    if (shared) {
      for (String need : NEEDS) {
        Object value = theCase.getVariable(need);
        if (value != null) {
          task.setVariableLocal(need, value);
        }
      }
    }
  }
}
