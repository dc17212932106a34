package md.nrs.referral.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One demo user per role (demo profile only); the README lists them. */
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
    for (DemoProperties.DemoUser demoUser : demo.users()) {
      if (identity.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identity.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setPassword(demo.password());
        identity.saveUser(user);
        created++;
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
    LOG.info("Demo users: {} configured, {} created", demo.users().size(), created);
  }
}
