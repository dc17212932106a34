package md.nrs.referral.errors;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts the platform's exception mappers and request checks into every Jersey application of this JVM: the
 * engine's /engine-rest and the webapps' own copy under /camunda/api (engine, cockpit, tasklist, admin), so
 * one place decides how the engine's exceptions are answered. Listed in META-INF/services.
 */
public final class EngineApiErrorHandling implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : EngineApiExceptionMappers.ALL) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper, EngineApiExceptionMappers.AHEAD_OF_ENGINE);
      }
    }
    if (!context.getConfiguration().isRegistered(EngineApiRequestChecks.class)) {
      context.register(EngineApiRequestChecks.class);
    }
  }
}
