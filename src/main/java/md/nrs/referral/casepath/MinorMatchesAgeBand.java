package md.nrs.referral.casepath;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * On the register-referral contract: the "child" box agrees with the age band (0-2, 3-6, 7-17: a child;
 * 18+: not a child; unknown: either). Triage and the child alert read {@code minor}; the national
 * statistics read {@code ageBand}; they must not tell two stories. The error names {@code minor}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MinorMatchesAgeBand.Check.class)
public @interface MinorMatchesAgeBand {

  Set<String> CHILD_BANDS = Set.of("0-2", "3-6", "7-17");
  String ADULT_BAND = "18+";

  String message() default "must agree with the age band: tick it for 0-17 years, not for 18 or older";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<MinorMatchesAgeBand, RegisterReferralForm> {

    @Override
    public boolean isValid(RegisterReferralForm form, ConstraintValidatorContext context) {
      if (form == null || form.ageBand() == null) {
        return true;
      }
      boolean consistent = CHILD_BANDS.contains(form.ageBand()) ? form.minor()
          : !ADULT_BAND.equals(form.ageBand()) || !form.minor();
      if (consistent) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("minor").addConstraintViolation();
      return false;
    }
  }
}
