package md.nrs.referral.incidents;

import org.springframework.test.context.TestPropertySource;

/** Incident reports on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-incident-reports;DB_CLOSE_DELAY=-1")
class IncidentReportOnH2Test extends IncidentReportContract {
}
