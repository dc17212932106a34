package md.nrs.referral.hotline;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The same on PostgreSQL with the production profile: there a racing insert waits for the winner's commit. */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
class HotlineCallIdempotencyOnPostgresTest extends HotlineCallIdempotencyContract {
}
