package md.nrs.referral.platform;

import org.springframework.test.context.TestPropertySource;

/** Engine operations by role on the embedded H2 database (shares its running platform with LoginThrottleOnH2Test). */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-access;DB_CLOSE_DELAY=-1",
    "nrs.security.login-throttle.max-delay=PT3S"})
class EngineAdminEndpointsOnH2Test extends EngineAdminEndpointsContract {
}
