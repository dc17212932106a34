package md.nrs.referral.shelter;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On the discharge form: the discharge date is not before the placement date (either missing: left to @NotNull). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBeforePlacement.Check.class)
public @interface NotBeforePlacement {

  String message() default "cannot be before the placement date";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<NotBeforePlacement, DischargeFromShelterForm> {

    @Override
    public boolean isValid(DischargeFromShelterForm form, ConstraintValidatorContext context) {
      if (form == null || form.placedOn() == null || form.dischargedOn() == null
          || !form.dischargedOn().isBefore(form.placedOn())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("dischargedOn").addConstraintViolation();
      return false;
    }
  }
}
