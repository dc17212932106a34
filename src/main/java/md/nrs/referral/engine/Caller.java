package md.nrs.referral.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who calls (user id and groups, as the authentication filter set them) and from where: the one way the
 * platform's code asks, so no feature touches the engine's {@code Authentication} type.
 */
public record Caller(String userId, List<String> groups, String clientAddress) {

  public Caller {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** The caller of a REST request or service call, as the identity service knows them. */
  public static Caller current(IdentityService identity) {
    return of(identity.getCurrentAuthentication());
  }

  /**
   * The caller on whose behalf the engine runs a delegate or listener now (the user completing a task, or
   * nobody for a job): the same identity service, reached through the running command.
   */
  public static Caller current() {
    if (Context.getCommandContext() == null) {
      return new Caller(null, List.of(), ClientAddress.current());
    }
    return of(Context.getCommandContext().getAuthentication());
  }

  private static Caller of(Authentication authentication) {
    return authentication == null ? new Caller(null, List.of(), ClientAddress.current())
        : new Caller(authentication.getUserId(), authentication.getGroupIds(), ClientAddress.current());
  }

  /** Whether anyone authenticated calls (REST and webapps always authenticate; jobs run as nobody). */
  public boolean authenticated() {
    return userId != null;
  }

  public boolean in(String group) {
    return groups.contains(group);
  }

  /**
   * The one way the platform's API requires a role: the caller unless they are in none of the groups, when the
   * request is refused ({@link Refused}, answered as a 403 problem) with the given reason, which says who may.
   */
  public Caller require(String refusal, String... groupIds) {
    for (String group : groupIds) {
      if (in(group)) {
        return this;
      }
    }
    throw new Refused(refusal);
  }

  /**
   * The caller is known but may not do this. Thrown here rather than as an errors/ problem so the engine adapter
   * stays below errors/ (which maps it to the 403 problem): no package cycle.
   */
  public static final class Refused extends RuntimeException {
    public Refused(String reason) {
      super(reason, null, false, false); // an answer, not a failure: no stack trace to fill
    }
  }
}
