package md.nrs.referral.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a form contract field as personal data: its value goes to the personal-data vault (into the
 * person record's field named here) and is taken out of the submission before the engine sees it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

  /** The person record's component this field fills ({@code privacy.PersonRecord}). */
  String value();
}
