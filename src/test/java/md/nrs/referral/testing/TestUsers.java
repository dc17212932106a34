package md.nrs.referral.testing;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

/**
 * Test users in the engine's own identity store, the one way every test creates them: idempotently, so
 * a test class sharing a Spring context (and its in-memory database) with another, or a set-up that
 * runs before each test, can ask for the same user again.
 */
public final class TestUsers {

  /**
   * Last name of every test user. The engine's password policy refuses a password that contains the
   * user's id, first name (here the id) or last name, so test passwords must not contain it either.
   */
  public static final String LAST_NAME = "Fixture";

  private TestUsers() {
  }

  /** Creates the user if it does not exist yet, then adds each of the groups it is not yet a member of. */
  public static void ensure(ProcessEngine engine, String userId, String password, String... groups) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(userId);
      user.setLastName(LAST_NAME);
      user.setPassword(password);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
  }
}
