package md.nrs.referral.models;

import md.nrs.referral.engine.Caller;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;

/** Revisions and migrations of the models are for policy staff and administrators only. */
final class PolicyStaffOnly {

  private PolicyStaffOnly() {
  }

  /** Refuses the request (403) unless the caller is policy staff or an administrator. */
  static void require(IdentityService identity, String what) {
    Caller.current(identity).require("Only policy staff and administrators may " + what,
        NrsRole.POLICY_STAFF.groupId(), NrsRole.ADMINISTRATORS.groupId());
  }

  static String callerId(IdentityService identity) {
    return Caller.current(identity).userId();
  }
}
