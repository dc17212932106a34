package md.nrs.referral.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Refuses to start the postgres (production) profile without its database and administrator settings
 * and the settings other packages require ({@link RequiredSettings}, e.g. the personal-data vault's
 * encryption key), and any profile with malformed ones, before anything touches a database, with a message
 * naming each environment variable (never a value).
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
    List<RequiredSettings> others = SpringFactoriesLoader.loadFactories(RequiredSettings.class, getClass().getClassLoader());
    if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      others.forEach(settings -> settings.checkWellFormed(environment));
      return;
    }
    List<String> missing = new ArrayList<>();
    REQUIRED_IN_POSTGRES.forEach((property, variable) -> {
      String value = environment.getProperty(property);
      if (value == null || value.isBlank()) {
        missing.add(variable + " (" + property + ")");
      }
    });
    others.forEach(settings -> missing.addAll(settings.missingInProduction(environment)));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The postgres profile needs these settings, which are not set: "
          + String.join(", ", missing) + ". See README.md, \"Running on PostgreSQL\".");
    }
    others.forEach(settings -> settings.checkWellFormed(environment));
  }
}
