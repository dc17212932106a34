package md.nrs.referral.platform;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
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
}
