package md.nrs.referral.audit;

import java.util.List;
import md.nrs.referral.errors.ApiProblem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who calls (user id and groups, as the authentication filter set them) and from where. */
public record Caller(String userId, List<String> groups, String clientAddress) {

  public Caller {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public static Caller current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? new Caller(null, List.of(), ClientAddress.current())
        : new Caller(authentication.getUserId(), authentication.getGroupIds(), ClientAddress.current());
  }

  public boolean in(String group) {
    return groups.contains(group);
  }

  /**
   * The one way the platform's API requires a role: the caller unless they are in none of the groups, when the
   * request is refused as a 403 problem with the given reason (which says who may).
   */
  public Caller require(String refusal, String... groupIds) {
    for (String group : groupIds) {
      if (in(group)) {
        return this;
      }
    }
    throw new ApiProblem.Forbidden(refusal);
  }
}
