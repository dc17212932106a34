package md.nrs.referral.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the Java contract of one process: a class with the process's {@code KEY} and its typed
 * {@link ProcessVariable}s. The revision gate finds contracts by this mark, not by their names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessContract {
}
