package md.nrs.referral.errors;

import org.springframework.test.context.TestPropertySource;

/** Client mistakes on the embedded H2 database (shares its application with the other errors tests). */
@TestPropertySource(properties = {ErrorsOnH2.DATABASE, ErrorsOnH2.NO_JOBS})
class ClientMistakeOnH2Test extends ClientMistakeContract {
}
