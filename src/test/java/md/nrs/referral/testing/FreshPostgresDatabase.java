package md.nrs.referral.testing;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives a Spring Boot test class of the postgres profile a database of its own: created before the
 * test instance (and so the Spring context) exists, handed over through the profile's own environment
 * variables as system properties, and dropped when JUnit closes the class — after every afterAll
 * callback, so after Spring has stopped the application (the class must be @DirtiesContext).
 */
public class FreshPostgresDatabase implements TestInstancePreConstructCallback {

  public static final String ADMIN_PASSWORD = "Strong#Key-2026x";
  /** A personal-data key for the test database only (32 bytes, Base64). */
  public static final String PRIVACY_KEYS = "test-pg:" + java.util.Base64.getEncoder().encodeToString(
      "test-only-key-0123456789abcdefgh".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  private static final List<String> SETTINGS = List.of("NRS_DB_URL", "NRS_DB_USER", "NRS_DB_PASSWORD", "NRS_ADMIN_PASSWORD",
      "NRS_PRIVACY_ACTIVE_KEY", "NRS_PRIVACY_KEYS");
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshPostgresDatabase.class);

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get("database") != null) {
      return;
    }
    PostgresDatabase database = PostgresDatabase.create();
    store.put("database", (ExtensionContext.Store.CloseableResource) () -> {
      SETTINGS.forEach(System::clearProperty);
      database.close();
    });
    System.setProperty("NRS_DB_URL", database.url());
    System.setProperty("NRS_DB_USER", database.user());
    System.setProperty("NRS_DB_PASSWORD", database.password());
    System.setProperty("NRS_ADMIN_PASSWORD", ADMIN_PASSWORD);
    System.setProperty("NRS_PRIVACY_ACTIVE_KEY", "test-pg");
    System.setProperty("NRS_PRIVACY_KEYS", PRIVACY_KEYS);
  }
}
