package md.nrs.referral.forms;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;

/**
 * On a form contract: {@code field} must be filled in when {@code when} has the value {@code is}
 * (e.g. a reason when the answer is "reject"); with {@code includes}, it must also hold that value (a checklist that
 * must tick it). The error names {@code field}, as the form does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(RequiredWhen.List.class)
@Constraint(validatedBy = RequiredWhen.Check.class)
public @interface RequiredWhen {

  String field();

  String when();

  String is();

  /** A value the field (a checklist, or a single choice) must hold; empty: any value will do. */
  String includes() default "";

  String message() default "is required";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface List {
    RequiredWhen[] value();
  }

  class Check implements ConstraintValidator<RequiredWhen, Record> {
    private RequiredWhen rule;

    @Override
    public void initialize(RequiredWhen annotation) {
      rule = annotation;
    }

    @Override
    public boolean isValid(Record form, ConstraintValidatorContext context) {
      if (form == null || !rule.is().equals(String.valueOf(value(form, rule.when())))) {
        return true;
      }
      Object required = value(form, rule.field());
      boolean filled = required != null && !(required instanceof String s && s.isBlank());
      if (filled && (rule.includes().isEmpty() || (required instanceof java.util.Collection<?> values
          ? values.contains(rule.includes()) : rule.includes().equals(required)))) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(rule.message()).addPropertyNode(rule.field()).addConstraintViolation();
      return false;
    }

    private static Object value(Record form, String name) {
      for (RecordComponent component : form.getClass().getRecordComponents()) {
        if (component.getName().equals(name)) {
          try {
            return component.getAccessor().invoke(form);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      throw new IllegalStateException(form.getClass().getSimpleName() + " has no field " + name);
    }
  }
}
