package md.nrs.referral.persons;

import org.springframework.test.context.TestPropertySource;

/** The same person referred twice, on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-same-person;DB_CLOSE_DELAY=-1")
class SamePersonOnH2Test extends SamePersonContract {
}
