package md.nrs.referral.chaos;

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
 * Runs the class only where the suite can make its own PostgreSQL cluster (Debian's postgresql-common
 * tools and a server); otherwise skips it and prints why — never a silent pass. Tagged "chaos": run with
 * {@code ./mvnw verify -Pchaos}; neither the default build nor -Ppostgres runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("chaos")
@ExtendWith(RequiresChaosCluster.Condition.class)
public @interface RequiresChaosCluster {

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String reason = ChaosPostgres.unavailableReason();
      if (reason == null) {
        return ConditionEvaluationResult.enabled("PostgreSQL cluster tools present");
      }
      System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
