package md.nrs.referral.platform;

import org.springframework.test.context.TestPropertySource;

/** The security baseline on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-security-baseline;DB_CLOSE_DELAY=-1")
class SecurityBaselineOnH2Test extends SecurityBaselineContract {

  @Override
  boolean expectsHsts() {
    return false;
  }
}
