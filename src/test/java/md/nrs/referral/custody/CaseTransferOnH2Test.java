package md.nrs.referral.custody;

import org.springframework.test.context.TestPropertySource;

/** Transfers of a case on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-case-custody;DB_CLOSE_DELAY=-1")
class CaseTransferOnH2Test extends CaseTransferContract {
}
