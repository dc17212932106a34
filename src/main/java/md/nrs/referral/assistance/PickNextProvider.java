package md.nrs.referral.assistance;

import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDERS;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_AGENCY;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_ATTEMPT;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_LEFT;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the next provider from the routing table's ordered list; says whether one was left. */
@Component("pickNextProvider")
public class PickNextProvider implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> providers = PROVIDERS.getOrDefault(execution, List.of());
    int attempt = PROVIDER_ATTEMPT.getOrDefault(execution, 0);
    boolean left = attempt < providers.size();
    PROVIDER_LEFT.set(execution, left);
    if (left) {
      PROVIDER_AGENCY.set(execution, providers.get(attempt));
      PROVIDER_ATTEMPT.set(execution, attempt + 1);
    }
  }
}
