package md.nrs.referral.dvpilot;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the enrolment form: the chosen group is in the group directory, of the participant's kind (victims and
 * perpetrators are never in the same group), open, and not full. The error names the field groupId. Either
 * field missing is left to its own @NotNull.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GroupOfTheirKind.Check.class)
public @interface GroupOfTheirKind {

  String message() default "is not a group the participant may join";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<GroupOfTheirKind, EnrolParticipantForm> {

    private final DvGroups directory;

    /** Outside the application (a plain validator) there is no directory: a filled-in form then cannot pass. */
    public Check() {
      this(null);
    }

    @Autowired
    public Check(DvGroups directory) {
      this.directory = directory;
    }

    @Override
    public boolean isValid(EnrolParticipantForm form, ConstraintValidatorContext context) {
      if (form == null || form.participantKind() == null || form.groupId() == null || form.groupId().isBlank()) {
        return true;
      }
      if (directory == null) {
        throw new IllegalStateException("The group directory is needed to check an enrolment");
      }
      Optional<String> refusal = directory.refusal(form.participantKind(), form.groupId());
      if (refusal.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      // the message is built by the platform, never from submitted text: no expression language in it
      context.buildConstraintViolationWithTemplate(refusal.get().replace("{", "(").replace("}", ")").replace("$", ""))
          .addPropertyNode("groupId").addConstraintViolation();
      return false;
    }
  }
}
