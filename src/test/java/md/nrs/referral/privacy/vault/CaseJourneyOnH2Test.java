package md.nrs.referral.privacy.vault;

import org.springframework.test.context.TestPropertySource;

/** The case page's data on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-case-journey;DB_CLOSE_DELAY=-1")
class CaseJourneyOnH2Test extends CaseJourneyContract {
}
