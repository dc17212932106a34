package md.nrs.referral.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One demo user per role (demo profile only); the README lists them. A person's name is only their name: their
 * role and agency are their groups (Tasklist's header shows them from there), so names typed with a role in them
 * by earlier versions ("Ana Caseworker, La Strada") are brought back to the configured ones.
 */
@Component
public class DemoUserSeeder implements PlatformSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUserSeeder.class);

  private final IdentityService identity;
  private final DemoProperties demo;

  public DemoUserSeeder(ProcessEngine engine, DemoProperties demo) {
    this.identity = engine.getIdentityService();
    this.demo = demo;
  }

  @Override
  public int order() {
    return USERS;
  }

  @Override
  public void seed() {
    if (!demo.enabled()) {
      return;
    }
    int created = 0;
    int renamed = 0;
    for (DemoProperties.DemoUser demoUser : demo.users()) {
      if (identity.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identity.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setPassword(demo.password());
        identity.saveUser(user);
        created++;
      } else {
        renamed += rename(demoUser);
      }
      for (String group : demoUser.groups()) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
          throw new IllegalStateException("Demo user " + demoUser.id() + " names unknown group " + group);
        }
        if (identity.createUserQuery().userId(demoUser.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demoUser.id(), group);
        }
      }
    }
    LOG.info("Demo users: {} configured, {} created, {} renamed", demo.users().size(), created, renamed);
  }

  /** 1 when the stored names differ from the configured ones and were replaced (the password stays). */
  private int rename(DemoProperties.DemoUser demoUser) {
    User user = identity.createUserQuery().userId(demoUser.id()).singleResult();
    if (java.util.Objects.equals(user.getFirstName(), demoUser.firstName())
        && java.util.Objects.equals(user.getLastName(), demoUser.lastName())) {
      return 0;
    }
    user.setFirstName(demoUser.firstName());
    user.setLastName(demoUser.lastName());
    identity.saveUser(user);
    return 1;
  }
}
