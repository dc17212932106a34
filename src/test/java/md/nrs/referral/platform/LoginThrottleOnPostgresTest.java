package md.nrs.referral.platform;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The login throttle on PostgreSQL with the production profile (X-Forwarded-For trusted from 127.0.0.1 only). */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
@TestPropertySource(properties = {"nrs.security.login-throttle.max-delay=PT3S"})
class LoginThrottleOnPostgresTest extends LoginThrottleContract {

  /** Behind the proxy (here 127.0.0.1, the default trusted address) the throttle counts the forwarded client. */
  @Test
  void theTrustedProxysXForwardedForNamesTheSource() {
    var proxy = source(1);
    var answer = proxy.send("GET", "/engine-rest/engine", java.util.Map.of("Authorization", basicHeader("lt.proxied", WRONG),
        "X-Forwarded-For", "198.51.100.77"), null);

    org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(401);
    org.assertj.core.api.Assertions.assertThat(failedLogins("lt.proxied", "198.51.100.77")).isEqualTo(1);
  }
}
