package md.nrs.referral.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the class only when Debian's Chromium and ChromeDriver are installed ({@code chromium},
 * {@code chromium-driver}); otherwise skips it and prints why. Tagged "browser": run with
 * {@code ./mvnw verify -Pbrowser}. CI installs the packages, so there they never skip.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(RequiresBrowser.Condition.class)
public @interface RequiresBrowser {

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String reason = Browser.unavailableReason();
      if (reason == null) {
        return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
      }
      System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
