package md.nrs.referral.agencies;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import md.nrs.referral.agencies.directory.DirectoryChoices;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The value is one of the options the directory's list {@link #value()} offers now (a form's select or checklist
 * named by {@code valuesKey}): an agency added in the directory is accepted at once, a deactivated one is refused,
 * and a made-up id never becomes a candidate group. Null is left to @NotNull.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DirectoryChoice.Check.class)
public @interface DirectoryChoice {

  /** Active agencies and teams a person may consent to share with. */
  String AGENCIES = "directoryAgencies";
  /** Active agencies and teams a case (or a service) may be transferred to. */
  String TEAMS = "directoryTeams";
  /** Active partners abroad (the same ones the outbound referral and the assisted return accept). */
  String PARTNERS_ABROAD = "directoryPartnersAbroad";
  /** Active agencies and teams and the NRS coordinators: who may take part in a coordination meeting. */
  String MEETING_PARTIES = "directoryMeetingParties";

  /** The name of the list: one of the constants above. */
  String value();

  String message() default "is not an active agency of the directory";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<DirectoryChoice, String> {

    private final DirectoryChoices directory;
    private String list;

    /** Outside the application (a plain validator) there is no directory: a filled-in value then cannot pass. */
    public Check() {
      this(null);
    }

    @Autowired
    public Check(DirectoryChoices directory) {
      this.directory = directory;
    }

    @Override
    public void initialize(DirectoryChoice annotation) {
      list = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (directory == null) {
        throw new IllegalStateException("The agency directory is needed to check " + list);
      }
      return directory.choices(list).stream().anyMatch(choice -> choice.value().equals(value));
    }
  }
}
