package md.nrs.referral.agencies.directory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value is a term of one of the directory's fixed lists; null is left to @NotNull. The message lists the terms. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Term.Check.class)
public @interface Term {

  Vocabulary value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Term, String> {
    private Vocabulary vocabulary;

    @Override
    public void initialize(Term annotation) {
      vocabulary = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || vocabulary.contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate("must be one of: " + String.join(", ", vocabulary.terms()))
          .addConstraintViolation();
      return false;
    }
  }
}
