package md.nrs.referral.errors;

import org.springframework.test.context.TestPropertySource;

/** The API fuzz on the embedded H2 database (shares its application with the other errors tests). */
@TestPropertySource(properties = {ErrorsOnH2.DATABASE, ErrorsOnH2.NO_JOBS})
class ApiFuzzOnH2Test extends ApiFuzzContract {
}
