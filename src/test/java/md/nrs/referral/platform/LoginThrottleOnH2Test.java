package md.nrs.referral.platform;

import org.springframework.test.context.TestPropertySource;

/** The login throttle on the embedded H2 database (shares its running platform with EngineAdminEndpointsOnH2Test). */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-access;DB_CLOSE_DELAY=-1",
    "nrs.security.login-throttle.max-delay=PT3S"})
class LoginThrottleOnH2Test extends LoginThrottleContract {
}
