package md.nrs.referral.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import md.nrs.referral.testing.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged platform started as docker/compose.yml starts it (environment variables only) refuses to
 * start on a missing or malformed setting, naming the variable, and no secret reaches its log. None of
 * these starts gets as far as the database, so no PostgreSQL is needed.
 */
class ProductionStartRefusalIT {

  private static final String DB_PASSWORD = "Db#Secret-Marker-4711";
  private static final String ADMIN_PASSWORD = "Admin#Secret-Marker-4712";
  private static final String KEY = base64("prod-only-secret-marker-key-4713");
  private static final List<String> SECRETS = List.of(DB_PASSWORD, ADMIN_PASSWORD, KEY);

  @ParameterizedTest(name = "NRS_PRIVACY_KEYS={0} refuses the start: {1}")
  @CsvSource(delimiter = '|', value = {
      "k2026:#not*base64#!                  | Personal-data key 'k2026' in NRS_PRIVACY_KEYS (nrs.privacy.keys) is not Base64",
      "k2026:c2hvcnQta2V5                    | 'k2026' in NRS_PRIVACY_KEYS (nrs.privacy.keys) must be 16, 24 or 32 bytes",
      "k2025:KEY                             | active personal-data key 'k2026' is not configured in NRS_PRIVACY_KEYS",
      "KEY                                   | NRS_PRIVACY_KEYS (nrs.privacy.keys): entry 1 of 1 is not id:base64",
      "k2026:KEY,k2026:KEY                   | NRS_PRIVACY_KEYS (nrs.privacy.keys): entry 2 of 2 repeats the key id 'k2026'"})
  void aMalformedKeySettingRefusesTheStartNamingTheVariableAndNeverTheKey(String keys, String reason) {
    String value = keys.replace("KEY", KEY);
    Map<String, String> env = production();
    env.put("NRS_PRIVACY_KEYS", value);

    String log = refusedStart(env);

    assertThat(log).contains(reason);
    assertThat(log).doesNotContain(value);
    assertThat(SECRETS).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
  }

  @Test
  void aMissingVariableIsNamedAndNoSecretIsLogged() {
    Map<String, String> env = production();
    env.remove("NRS_DB_URL");
    env.remove("NRS_PRIVACY_ACTIVE_KEY");

    String log = refusedStart(env);

    assertThat(log).contains("The postgres profile needs these settings, which are not set: NRS_DB_URL (spring.datasource.url), "
        + "NRS_PRIVACY_ACTIVE_KEY (nrs.privacy.active-key)");
    assertThat(SECRETS).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
  }

  /** Spring Boot's own report of a setting it cannot bind prints the value; the platform's names only the source. */
  @Test
  void aSettingThatCannotBeBoundIsNamedWithItsVariableButNotItsValue(@TempDir Path data) {
    String secretLooking = "Secret-Marker-4714";
    Map<String, String> env = JarProcess.env("NRS_DATA_DIR", data.toString(), "NRS_ANONYMISE_AFTER", secretLooking);

    String log = refusedStart(env);

    assertThat(log).contains("The setting 'nrs.privacy.anonymise-after'", "cannot be read as java.time.Duration");
    assertThat(log).doesNotContain(secretLooking);
  }

  /** The compose file's environment with these secrets; the database is never reached by a refused start. */
  private static Map<String, String> production() {
    return JarProcess.env(
        "SPRING_PROFILES_ACTIVE", "postgres",
        "NRS_DB_URL", "jdbc:postgresql://127.0.0.1:9/nrs",
        "NRS_DB_USER", "nrs",
        "NRS_DB_PASSWORD", DB_PASSWORD,
        "NRS_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "NRS_PRIVACY_ACTIVE_KEY", "k2026",
        "NRS_PRIVACY_KEYS", "k2026:" + KEY);
  }

  private String refusedStart(Map<String, String> env) {
    JarProcess platform = JarProcess.launch(getClass().getSimpleName(), env);
    int exit = platform.awaitExit(Duration.ofMinutes(3));
    assertThat(exit).as("exit code; log:\n" + platform.log()).isNotZero();
    assertThat(platform.log()).doesNotContain("Started NrsReferralPlatformApplication");
    return platform.log();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
