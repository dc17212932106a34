package md.nrs.referral.models;

import org.springframework.test.context.TestPropertySource;

/** The element templates against the platform on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-element-templates;DB_CLOSE_DELAY=-1")
class ElementTemplateModelOnH2Test extends ElementTemplateModelContract {
}
