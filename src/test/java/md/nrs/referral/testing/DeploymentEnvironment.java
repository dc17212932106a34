package md.nrs.referral.testing;

import java.nio.file.Path;
import java.util.Map;

/** The environment variables a deployment sets, named exactly as docker/compose.yml and README name them. */
public final class DeploymentEnvironment {

  public static final String ADMIN_PASSWORD = FreshPostgresDatabase.ADMIN_PASSWORD;
  /** Demo profile: every demo user (admin included) has this password. */
  public static final String DEMO_PASSWORD = "Demo#NRS-2026";

  private DeploymentEnvironment() {
  }

  /** The embedded default (demo profile, H2 file database) with its data in this directory. */
  public static Map<String, String> h2(Path dataDirectory) {
    return JarProcess.env("NRS_DATA_DIR", dataDirectory.toString());
  }

  /** The production profile on this database, as compose.yml starts a node. */
  public static Map<String, String> postgres(PostgresDatabase database) {
    return JarProcess.env(
        "SPRING_PROFILES_ACTIVE", "postgres",
        "NRS_DB_URL", database.url(),
        "NRS_DB_USER", database.user(),
        "NRS_DB_PASSWORD", database.password(),
        "NRS_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "NRS_PRIVACY_ACTIVE_KEY", "test-pg",
        "NRS_PRIVACY_KEYS", FreshPostgresDatabase.PRIVACY_KEYS);
  }
}
