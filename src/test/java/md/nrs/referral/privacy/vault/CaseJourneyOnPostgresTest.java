package md.nrs.referral.privacy.vault;

import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The case page's data on PostgreSQL with the production profile, in a database of its own. */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
class CaseJourneyOnPostgresTest extends CaseJourneyContract {
}
