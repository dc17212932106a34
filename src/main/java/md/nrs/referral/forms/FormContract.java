package md.nrs.referral.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the Java record that says what a Camunda Form (forms/*.form) may submit: one component per
 * form field, of the field's type, with Bean Validation constraints. The value is the form's id, the
 * same a user task names in camunda:formRef. Submissions are checked against it on the server, because
 * form-js validates only in the browser and any client can submit anything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FormContract {

  /** The form's id. */
  String value();
}
