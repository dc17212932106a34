package md.nrs.referral.coordination;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On the meeting form: an action item row is either empty or complete (agency, action, due date). Errors name the missing field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ActionItemRowsComplete.Check.class)
public @interface ActionItemRowsComplete {

  String message() default "is required for an action item";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ActionItemRowsComplete, RecordCoordinationMeetingForm> {

    @Override
    public boolean isValid(RecordCoordinationMeetingForm form, ConstraintValidatorContext context) {
      if (form == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = row(1, form.actionItem1Agency(), form.actionItem1Action(), form.actionItem1DueOn(), context);
      valid &= row(2, form.actionItem2Agency(), form.actionItem2Action(), form.actionItem2DueOn(), context);
      valid &= row(3, form.actionItem3Agency(), form.actionItem3Action(), form.actionItem3DueOn(), context);
      return valid;
    }

    private static boolean row(int n, String agency, String action, java.time.LocalDate dueOn, ConstraintValidatorContext context) {
      boolean hasAgency = agency != null && !agency.isBlank();
      boolean hasAction = action != null && !action.isBlank();
      if (!hasAgency && !hasAction && dueOn == null) {
        return true;
      }
      boolean valid = true;
      if (!hasAgency) {
        valid = violation(context, "actionItem" + n + "Agency", "choose the agency that carries out the action item");
      }
      if (!hasAction) {
        valid = violation(context, "actionItem" + n + "Action", "describe the action item");
      }
      if (dueOn == null) {
        valid = violation(context, "actionItem" + n + "DueOn", "give the date the action item is due");
      }
      return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }
  }
}
