package md.nrs.referral.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field that shows a value the process already holds (read-only in the form) so that other
 * fields can be checked against it. A submission need not repeat it: the task's current value is used.
 * Every other field must come with the submission, so an earlier round's answer never stands in for
 * a new one.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShownFromProcess {
}
