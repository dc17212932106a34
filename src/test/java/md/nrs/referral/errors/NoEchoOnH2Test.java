package md.nrs.referral.errors;

import org.springframework.test.context.TestPropertySource;

/** No echo on the embedded H2 database (shares its application with the other errors tests). */
@TestPropertySource(properties = {ErrorsOnH2.DATABASE, ErrorsOnH2.NO_JOBS})
class NoEchoOnH2Test extends NoEchoContract {
}
