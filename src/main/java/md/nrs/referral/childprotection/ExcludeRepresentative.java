package md.nrs.referral.childprotection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A representative suspected of involvement in the trafficking may not act for the child: the guardianship
 * authority becomes the child's representative (it consents for the child from now on).
 */
@Component("excludeRepresentative")
public class ExcludeRepresentative implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ChildProtectionProcess.REPRESENTATIVE_EXCLUDED.set(execution, true);
    ChildProtectionProcess.REPRESENTATIVE_ROLE.set(execution, ChildProtectionProcess.GUARDIANSHIP_AUTHORITY_REPRESENTS);
  }
}
