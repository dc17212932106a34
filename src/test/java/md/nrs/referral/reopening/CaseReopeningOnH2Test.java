package md.nrs.referral.reopening;

import org.springframework.test.context.TestPropertySource;

/** Reopenings on the embedded H2 database (the context of the transfer tests, shared). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-case-custody;DB_CLOSE_DELAY=-1")
class CaseReopeningOnH2Test extends CaseReopeningContract {
}
