package md.nrs.referral.childprotection;

import md.nrs.referral.agencies.Agencies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The guardianship authority of the case team's district, from the directory (service "guardianship"):
 * its tasks in the child's case go to that team. A case team without a district (IOM, a partner) or a
 * district without an active guardianship team falls back to the configured one.
 */
@Component("findGuardianshipAuthority")
public class FindGuardianshipAuthority implements JavaDelegate {

  private final Agencies agencies;
  private final String fallback;

  public FindGuardianshipAuthority(Agencies agencies,
      @Value("${nrs.case.guardianship-authority:guardianship-chisinau}") String fallback) {
    this.agencies = agencies;
    this.fallback = fallback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String team = ChildProtectionProcess.RESPONSIBLE_TEAM.get(execution);
    String authority = agencies.districtOf(team).flatMap(district -> agencies.serving("guardianship", district))
        .orElse(fallback);
    ChildProtectionProcess.GUARDIANSHIP_AUTHORITY.set(execution, authority);
  }
}
