package md.nrs.referral.agencies;

import org.springframework.test.context.TestPropertySource;

/** The directory's districts, languages, digests and partners abroad on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-directory-fields;DB_CLOSE_DELAY=-1")
class DirectoryFieldsOnH2Test extends DirectoryFieldsContract {
}
