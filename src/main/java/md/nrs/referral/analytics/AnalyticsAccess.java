package md.nrs.referral.analytics;

import java.util.Collection;
import md.nrs.referral.identity.NrsRole;

/** Who may read the bottleneck figures: managers and administrators. Figures hold no personal data, but they are management information. */
public final class AnalyticsAccess {

  public static final String DENIED = "Only managers and administrators may read the bottleneck analytics";

  private AnalyticsAccess() {
  }

  /** The groups that may read them. */
  public static final String[] READERS = {NrsRole.MANAGERS.groupId(), NrsRole.ADMINISTRATORS.groupId()};

  public static boolean mayRead(Collection<String> groups) {
    return java.util.Arrays.stream(READERS).anyMatch(groups::contains);
  }
}
