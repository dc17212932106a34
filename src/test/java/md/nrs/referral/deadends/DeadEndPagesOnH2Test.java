package md.nrs.referral.deadends;

import org.springframework.test.context.TestPropertySource;

/** The branded error pages on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-dead-ends;DB_CLOSE_DELAY=-1")
class DeadEndPagesOnH2Test extends DeadEndPagesContract {
}
