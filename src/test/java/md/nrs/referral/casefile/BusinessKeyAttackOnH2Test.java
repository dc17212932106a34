package md.nrs.referral.casefile;

import org.springframework.test.context.TestPropertySource;

/** Business-key attacks on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-business-key-attack;DB_CLOSE_DELAY=-1")
class BusinessKeyAttackOnH2Test extends BusinessKeyAttackContract {
}
