package md.nrs.referral.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo users, one per role, seeded only in the demo profile. */
@ConfigurationProperties("nrs.demo")
public record DemoProperties(boolean enabled, String password, List<DemoUser> users) {

  public DemoProperties {
    users = users == null ? List.of() : users;
  }

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }
}
