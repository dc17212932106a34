package md.nrs.referral.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a form contract field as personal data: its value goes to the vault (into the
 * {@link PersonRecord} field named here) and is taken out of the submission before the engine sees it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

  /** The {@link PersonRecord} component this field fills. */
  String value();
}
