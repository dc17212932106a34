package md.nrs.referral.justice;

import org.springframework.test.context.TestPropertySource;

/** The police's side over real HTTP on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-criminal-justice-http;DB_CLOSE_DELAY=-1")
class CriminalJusticeOverHttpOnH2Test extends CriminalJusticeOverHttpContract {
}
