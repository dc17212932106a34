package md.nrs.referral.engine.expressions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean (not a delegate) whose named properties models may read, e.g. a setting a timer uses. The
 * bean must also be listed by name in {@link ReadableBeans#PROPERTIES}, which the revision gate checks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadableInModels {

  /** The properties a model may read. */
  String[] value();
}
