package md.nrs.referral.casepath;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.forms.FormValidator;
import md.nrs.referral.testing.FormSubmission;
import org.junit.jupiter.api.Test;

/** The register-referral form asks for an age band, and the "child" box must agree with it. */
class RegisterReferralAgeBandTest {

  private final FormValidator validator = new FormValidator(Validation.buildDefaultValidatorFactory().getValidator());

  private List<FieldError> submit(String ageBand, boolean minor) {
    Map<String, Object> form = FormSubmission.of(new RegisterReferralForm("ngo", "moldova", null, "trafficking",
        null, minor, "female", false, null));
    if (ageBand != null) {
      form.put(AGE_BAND.name(), ageBand);
    }
    return validator.validate(RegisterReferralForm.class, form, true);
  }

  @Test
  void aChildsBandWithTheChildBoxTickedAndAnAdultWithoutArePassed() {
    assertThat(submit("0-2", true)).isEmpty();
    assertThat(submit("7-17", true)).isEmpty();
    assertThat(submit("18+", false)).isEmpty();
    assertThat(submit("unknown", true)).isEmpty();
    assertThat(submit("unknown", false)).isEmpty();
  }

  @Test
  void aBandThatContradictsTheChildBoxNamesTheChildBox() {
    assertThat(submit("3-6", false)).extracting(FieldError::field).containsExactly("minor");
    assertThat(submit("18+", true)).extracting(FieldError::field).containsExactly("minor");
  }

  @Test
  void theAgeBandIsRequiredAndFromTheList() {
    assertThat(submit(null, false)).extracting(FieldError::field).containsExactly("ageBand");
    assertThat(submit("18-25", false)).extracting(FieldError::field).contains("ageBand");
  }
}
