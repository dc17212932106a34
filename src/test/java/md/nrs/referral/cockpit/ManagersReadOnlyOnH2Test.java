package md.nrs.referral.cockpit;

import org.springframework.test.context.TestPropertySource;

/** The manager's read-only Cockpit on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-managers-read-only;DB_CLOSE_DELAY=-1")
class ManagersReadOnlyOnH2Test extends ManagersReadOnlyContract {
}
