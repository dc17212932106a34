package md.nrs.referral.assistance;

import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDERS;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDERS_ASKED;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDERS_WITHOUT_CONSENT;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_AGENCY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_ATTEMPT;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_LEFT;

import java.util.ArrayList;
import java.util.List;
import md.nrs.referral.privacy.ConsentPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes the next provider from the routing table's ordered list that has not been asked yet and that
 * the person's consent allows the case to be shared with; says whether one was left. A provider
 * without consent is skipped before any task or notification exists for it, and named for the
 * coordinator (agency ids only). Run again after the coordinator sought consent anew, it retries the
 * skipped providers, never the ones that already rejected.
 */
@Component("pickNextProvider")
public class PickNextProvider implements JavaDelegate {

  private final ConsentPolicy consent;

  public PickNextProvider(ConsentPolicy consent) {
    this.consent = consent;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> providers = PROVIDERS.getOrDefault(execution, List.of());
    List<String> asked = new ArrayList<>(alreadyAsked(execution, providers));
    List<String> withoutConsent = new ArrayList<>();
    String next = null;
    for (String provider : providers) {
      if (asked.contains(provider)) {
        continue;
      }
      if (consent.mayNotify(execution.getProcessBusinessKey(), provider).allowed()) {
        next = provider;
        break;
      }
      withoutConsent.add(provider);
    }
    PROVIDER_LEFT.set(execution, next != null);
    PROVIDERS_WITHOUT_CONSENT.set(execution, withoutConsent);
    if (next != null) {
      asked.add(next);
      PROVIDER_AGENCY.set(execution, next);
      PROVIDERS_ASKED.set(execution, asked);
    }
  }

  /** Instances started before the asked list existed counted their attempts: the first ones were asked. */
  private static List<String> alreadyAsked(DelegateExecution execution, List<String> providers) {
    List<String> asked = PROVIDERS_ASKED.get(execution);
    if (asked != null) {
      return asked;
    }
    int attempt = PROVIDER_ATTEMPT.getOrDefault(execution, 0);
    return providers.subList(0, Math.min(attempt, providers.size()));
  }
}
