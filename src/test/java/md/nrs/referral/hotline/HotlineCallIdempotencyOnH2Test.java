package md.nrs.referral.hotline;

import org.springframework.test.context.TestPropertySource;

/** The hotline call's Idempotency-Key on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-hotline-idempotency;DB_CLOSE_DELAY=-1")
class HotlineCallIdempotencyOnH2Test extends HotlineCallIdempotencyContract {
}
