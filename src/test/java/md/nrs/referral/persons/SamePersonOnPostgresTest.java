package md.nrs.referral.persons;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The same person referred twice on PostgreSQL with the production profile (key from NRS_PRIVACY_KEYS), in a database of its own. */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
class SamePersonOnPostgresTest extends SamePersonContract {
}
