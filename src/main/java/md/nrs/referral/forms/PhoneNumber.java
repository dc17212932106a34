package md.nrs.referral.forms;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A phone number as people write it: an optional leading +, then digits with spaces, hyphens or brackets
 * between them, 5 to 15 digits in all (the international maximum), at most 30 characters. One rule for the
 * consent form and the intake API. Empty or null is left to @NotNull / @NotBlank.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumber.Check.class)
public @interface PhoneNumber {

  String message() default "must be a phone number (digits, spaces, + ( ) -)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<PhoneNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isEmpty() || valid(value);
    }

    /** Read character by character: only the allowed ones, + only first, digits counted. */
    static boolean valid(String value) {
      if (value.length() > 30) {
        return false;
      }
      int digits = 0;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        } else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '(' && c != ')') {
          return false;
        }
      }
      return digits >= 5 && digits <= 15;
    }
  }
}
