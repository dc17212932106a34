package md.nrs.referral.security;

import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Settings a package needs before anything touches a database, checked by {@link RequiredSettingsCheck}.
 * Implementations are listed in META-INF/spring.factories (they run before any bean exists).
 */
public interface RequiredSettings {

  /** The environment variables (with their property) the postgres profile needs but does not have. */
  List<String> missingInProduction(ConfigurableEnvironment environment);

  /** Throws, naming the variable (never its value), if a given setting is malformed; in every profile. */
  void checkWellFormed(ConfigurableEnvironment environment);
}
