package md.nrs.referral.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one way the platform acts as itself rather than as the caller: counts over every agency's cases,
 * the policy tables, the checks that must see every task of a case. Authorization stays on for
 * everything else the caller does.
 */
public final class Platform {

  private Platform() {
  }

  /**
   * Runs {@code work} as the platform. Inside the engine (a delegate or listener) the running command
   * skips its authorization checks; outside it the caller's authentication is lifted for the duration
   * (so every command {@code work} starts runs unauthenticated) and put back afterwards.
   */
  public static <T> T asPlatform(IdentityService identity, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return Context.getCommandContext().runWithoutAuthorization(work::get);
    }
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  /** {@link #asPlatform(IdentityService, Supplier)} for a delegate or listener, with its engine's services. */
  public static <T> T asPlatform(ProcessEngineServices engine, Supplier<T> work) {
    return asPlatform(engine.getIdentityService(), work);
  }
}
