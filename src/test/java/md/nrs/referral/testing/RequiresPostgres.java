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
 * Runs the class only when the local PostgreSQL answers; otherwise skips it and prints why, so a
 * machine without PostgreSQL shows a skip with a reason, never a silent pass. Tagged "postgres":
 * run with {@code ./mvnw verify -Ppostgres}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String reason = PostgresDatabase.unavailableReason();
      if (reason == null) {
        return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
      }
      System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
