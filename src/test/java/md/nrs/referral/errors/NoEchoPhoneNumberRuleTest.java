package md.nrs.referral.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import md.nrs.referral.casepath.InformedConsentForm;
import md.nrs.referral.intake.IntakePerson;
import org.junit.jupiter.api.Test;

/**
 * The consent form and the intake API take and refuse the same phone numbers (one rule, forms.PhoneNumber),
 * and so does the browser: the consent form's own pattern, which form-js checks before anything is sent.
 */
class NoEchoPhoneNumberRuleTest {

  private static final List<String> ACCEPTED = List.of("+373 69 123 456", "(022) 22-33-44", "069123456", "12345");
  private static final List<String> REFUSED = List.of("call me", "+373 69 123 456 ext 2", "1234", "++37369123456",
      "0691234567890123", "069\n123456", "069;123456", "１２３４５６");

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void bothPlacesAcceptTheSameNumbers() {
    for (String phone : ACCEPTED) {
      assertThat(intakeRefuses(phone)).as(phone).isFalse();
      assertThat(consentFormRefuses(phone)).as(phone).isFalse();
    }
  }

  @Test
  void bothPlacesRefuseTheSameNonNumbersAndNameOnlyTheField() {
    for (String phone : REFUSED) {
      assertThat(intakeRefuses(phone)).as(phone).isTrue();
      assertThat(consentFormRefuses(phone)).as(phone).isTrue();
      assertThat(validator.validate(intake(phone))).allSatisfy(v -> assertThat(v.getMessage()).doesNotContain(phone));
    }
  }

  @Test
  void theConsentFormInTheBrowserAcceptsAndRefusesTheSameNumbers() throws IOException {
    JsonNode phoneField = new ObjectMapper().readTree(Path.of("forms/informed-consent.form").toFile())
        .findParents("key").stream().filter(field -> "personPhone".equals(field.path("key").asText())).findFirst()
        .orElseThrow();
    Pattern browserRule = Pattern.compile(phoneField.path("validate").path("pattern").asText());
    int maxLength = phoneField.path("validate").path("maxLength").asInt();

    for (String phone : ACCEPTED) {
      assertThat(browserRule.matcher(phone).find() && phone.length() <= maxLength).as(phone).isTrue();
    }
    for (String phone : REFUSED) {
      assertThat(browserRule.matcher(phone).find() && phone.length() <= maxLength).as(phone).isFalse();
    }
  }

  private boolean intakeRefuses(String phone) {
    return validator.validate(intake(phone)).stream().anyMatch(v -> v.getPropertyPath().toString().equals("phone"));
  }

  private boolean consentFormRefuses(String phone) {
    InformedConsentForm form = new InformedConsentForm(true, "given", List.of(), false, false, null, null, null, null,
        phone, null, null, null, null, null);
    return validator.validate(form).stream().anyMatch(v -> v.getPropertyPath().toString().equals("personPhone"));
  }

  private static IntakePerson intake(String phone) {
    return new IntakePerson(null, null, null, phone, null, null, null, null, null);
  }
}
