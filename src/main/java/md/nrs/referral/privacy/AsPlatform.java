package md.nrs.referral.privacy;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine query as the platform rather than as the caller: the privacy checks must see every
 * task of a case (which agencies had one) even when the caller may see only their own. The caller's
 * authentication is put back afterwards.
 */
public final class AsPlatform {

  private AsPlatform() {
  }

  public static <T> T query(IdentityService identity, Supplier<T> query) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return query.get();
    }
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
