package md.nrs.referral.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, created once if missing. The password comes from NRS_ADMIN_PASSWORD in production. */
@ConfigurationProperties("nrs.admin")
public record AdminProperties(String id, String password) {

  public AdminProperties {
    id = id == null || id.isBlank() ? "admin" : id;
  }
}
