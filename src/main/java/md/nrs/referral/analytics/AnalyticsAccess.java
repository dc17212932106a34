package md.nrs.referral.analytics;

import java.util.Collection;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;

/** Who may read the bottleneck figures: managers and administrators. Figures hold no personal data, but they are management information. */
public final class AnalyticsAccess {

  public static final String DENIED = "Only managers and administrators may read the bottleneck analytics";

  private AnalyticsAccess() {
  }

  public static boolean mayRead(Collection<String> groups) {
    return groups.contains(NrsRole.MANAGERS.groupId()) || groups.contains(NrsRole.ADMINISTRATORS.groupId());
  }

  public static List<String> groupsOf(IdentityService identity) {
    return Caller.current(identity).groups();
  }
}
