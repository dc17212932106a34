package md.nrs.referral.models;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;

/** Revisions and migrations of the models are for policy staff and administrators only. */
final class PolicyStaffOnly {

  private PolicyStaffOnly() {
  }

  /** A 403 answer unless the caller is policy staff or an administrator. */
  static Optional<ResponseEntity<Object>> refuse(IdentityService identity, String what) {
    List<String> groups = Caller.current(identity).groups();
    if (groups.contains(NrsRole.POLICY_STAFF.groupId()) || groups.contains(NrsRole.ADMINISTRATORS.groupId())) {
      return Optional.empty();
    }
    return Optional.of(error(403, "AuthorizationException", "Only policy staff and administrators may " + what));
  }

  static String callerId(IdentityService identity) {
    return Caller.current(identity).userId();
  }

  static ResponseEntity<Object> error(int status, String type, String message) {
    return ResponseEntity.status(status).header("Cache-Control", "no-store").body(Map.of("type", type, "message", message));
  }
}
