package md.nrs.referral.models;

import org.springframework.test.context.TestPropertySource;

/** Model revisions that try to run code, against the platform on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-model-revision-attack;DB_CLOSE_DELAY=-1")
class ModelRevisionAttackOnH2Test extends ModelRevisionAttackContract {
}
