package md.nrs.referral.errors;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The API fuzz on PostgreSQL (no jobs run while it counts rows) with the production profile, in a database of its own. */
@RequiresPostgres
@org.springframework.test.context.TestPropertySource(properties = ErrorsOnH2.NO_JOBS)
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
class ApiFuzzOnPostgresTest extends ApiFuzzContract {
}
