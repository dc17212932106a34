package md.nrs.referral.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * Builds {@link ParsedOnceFeelEngine} for a DMN engine, with the custom functions that DMN engine's configuration
 * holds when it builds its FEEL engine (as Camunda's own factory is given them).
 */
public class ParsedOnceFeelEngineFactory implements FeelEngineFactory {

  private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

  public ParsedOnceFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
    this.functionProviders = functionProviders;
  }

  @Override
  public FeelEngine createInstance() {
    return new ParsedOnceFeelEngine(functionProviders.get());
  }

  /** Makes a DMN engine's configuration build its FEEL engine with this factory. */
  public static DefaultDmnEngineConfiguration installIn(DefaultDmnEngineConfiguration dmn) {
    return dmn.feelEngineFactory(new ParsedOnceFeelEngineFactory(dmn::getFeelCustomFunctionProviders));
  }

  /**
   * A DMN engine of its own, outside the process engine (no history, no authorisation), as
   * {@code DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()} builds it, with this FEEL.
   */
  public static DmnEngine standaloneDmnEngine() {
    return installIn((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .buildEngine();
  }
}
