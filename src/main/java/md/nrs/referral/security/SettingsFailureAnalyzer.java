package md.nrs.referral.security;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a setting that cannot be bound by its name and where it came from (e.g. the environment
 * variable), never its value: Spring Boot's own report prints the value, and settings carry passwords
 * and keys. Ordered first, so Spring Boot's analyzer never sees these failures.
 */
public class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    ConfigurationProperty property = cause.getProperty();
    String name = property != null ? property.getName().toString() : cause.getName().toString();
    String origin = property != null && property.getOrigin() != null ? " from " + property.getOrigin() : "";
    String description = "The setting '" + name + "'" + origin + " cannot be read as " + cause.getTarget().getType()
        + " (its value is not shown: settings may hold passwords and keys).";
    return new FailureAnalysis(description, "Correct the setting; README.md lists every setting and its format.", null);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
