package md.nrs.referral.audit;

import java.util.List;
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
}
