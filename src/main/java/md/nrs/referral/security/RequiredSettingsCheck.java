package md.nrs.referral.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the postgres (production) profile without its database and administrator settings
 * and the personal-data vault's encryption key,
 * before anything touches a database, with a message naming each missing environment variable.
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
  }

  /** The personal-data vault's active key must be named and configured (as key-ring entry or keys.<id>). */
  private static List<String> missingPersonalDataKey(ConfigurableEnvironment environment) {
    String active = environment.getProperty("nrs.privacy.active-key");
    if (active == null || active.isBlank()) {
      return List.of("NRS_PRIVACY_ACTIVE_KEY (nrs.privacy.active-key)", "NRS_PRIVACY_KEYS (nrs.privacy.key-ring)");
    }
    String ring = environment.getProperty("nrs.privacy.key-ring", "");
    boolean inRing = java.util.Arrays.stream(ring.split(",")).map(String::trim)
        .anyMatch(entry -> entry.startsWith(active + ":") && entry.length() > active.length() + 1);
    String single = environment.getProperty("nrs.privacy.keys." + active);
    if (!inRing && (single == null || single.isBlank())) {
      return List.of("NRS_PRIVACY_KEYS with the key '" + active + "' (nrs.privacy.key-ring)");
    }
    return List.of();
  }
}
