package md.nrs.referral.justice;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The police's side over real HTTP on PostgreSQL with the production profile, in a database of its own. */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
class CriminalJusticeOverHttpOnPostgresTest extends CriminalJusticeOverHttpContract {
}
