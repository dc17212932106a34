package md.nrs.referral.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.privacy.KeyRing;
import md.nrs.referral.privacy.KeyRingSetting;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the postgres (production) profile without its database and administrator settings
 * and the personal-data vault's encryption key, and any profile with malformed vault keys, before
 * anything touches a database, with a message naming each environment variable (never a value).
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor {

  private static final Map<String, String> REQUIRED_IN_POSTGRES = new LinkedHashMap<>();

  static {
    REQUIRED_IN_POSTGRES.put("spring.datasource.url", "NRS_DB_URL");
    REQUIRED_IN_POSTGRES.put("spring.datasource.username", "NRS_DB_USER");
    REQUIRED_IN_POSTGRES.put("nrs.admin.password", "NRS_ADMIN_PASSWORD");
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      checkPersonalDataKeys(environment);
      return;
    }
    List<String> missing = new ArrayList<>();
    REQUIRED_IN_POSTGRES.forEach((property, variable) -> {
      String value = environment.getProperty(property);
      if (value == null || value.isBlank()) {
        missing.add(variable + " (" + property + ")");
      }
    });
    missing.addAll(missingPersonalDataKey(environment));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The postgres profile needs these settings, which are not set: "
          + String.join(", ", missing) + ". See README.md, \"Running on PostgreSQL\".");
    }
    checkPersonalDataKeys(environment);
  }

  /** The personal-data vault's active key must be named and given in the key ring. */
  private static List<String> missingPersonalDataKey(ConfigurableEnvironment environment) {
    String active = environment.getProperty("nrs.privacy.active-key");
    String ring = environment.getProperty("nrs.privacy.keys");
    List<String> missing = new ArrayList<>();
    if (active == null || active.isBlank()) {
      missing.add("NRS_PRIVACY_ACTIVE_KEY (nrs.privacy.active-key)");
    }
    if (ring == null || ring.isBlank()) {
      missing.add(KeyRingSetting.NAME);
    }
    return missing;
  }

  /**
   * Reads the keys as the vault will, before anything touches a database, so a malformed setting stops
   * the start with a message naming the variable (never its value) instead of failing half-way.
   */
  private static void checkPersonalDataKeys(ConfigurableEnvironment environment) {
    String ring = environment.getProperty("nrs.privacy.keys");
    String active = environment.getProperty("nrs.privacy.active-key");
    if ((ring == null || ring.isBlank()) && (active == null || active.isBlank())) {
      return; // nothing configured here; the vault's own check names what is missing
    }
    new KeyRing(KeyRingSetting.parse(ring), active);
  }
}
