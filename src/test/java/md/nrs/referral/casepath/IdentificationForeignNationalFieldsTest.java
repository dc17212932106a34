package md.nrs.referral.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.forms.FormValidator;
import md.nrs.referral.testing.FormSubmission;
import org.junit.jupiter.api.Test;

/**
 * The identification interview's nationality and language are for a foreign national: left empty in Tasklist (which
 * sends an untouched text field as "") they mean a Moldovan national and pass; given, they must be ISO codes.
 */
class IdentificationForeignNationalFieldsTest {

  private final FormValidator validator = new FormValidator(Validation.buildDefaultValidatorFactory().getValidator());

  private List<FieldError> submit(String nationality, String language) {
    Map<String, Object> form = FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null));
    form.put("nationality", nationality);
    form.put("language", language);
    return validator.validate(IdentificationInterviewForm.class, form, true);
  }

  @Test
  void emptyNationalityAndLanguageFromTasklistMeanAMoldovanNationalAndPass() {
    assertThat(submit("", "")).isEmpty();
    assertThat(submit(" ", null)).isEmpty();
  }

  @Test
  void aForeignNationalsCodesPassAndAnythingElseNamesTheField() {
    assertThat(submit("UA", "uk")).isEmpty();
    assertThat(submit("Ukraine", "uk")).extracting(FieldError::field).containsExactly("nationality");
    assertThat(submit("UA", "Ukrainian")).extracting(FieldError::field).containsExactly("language");
  }
}
