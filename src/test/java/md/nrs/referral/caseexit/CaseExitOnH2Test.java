package md.nrs.referral.caseexit;

import org.springframework.test.context.TestPropertySource;

/** Proposals to end a case on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-case-exit;DB_CLOSE_DELAY=-1")
class CaseExitOnH2Test extends CaseExitContract {
}
