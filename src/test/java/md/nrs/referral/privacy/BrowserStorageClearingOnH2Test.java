package md.nrs.referral.privacy;

import org.springframework.test.context.TestPropertySource;

/** The webapps' Clear-Site-Data answers on the embedded H2 database, as a newcomer runs the platform. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-browser-storage-clearing;DB_CLOSE_DELAY=-1")
class BrowserStorageClearingOnH2Test extends BrowserStorageClearingContract {
}
