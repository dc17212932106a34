package md.nrs.referral.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine {@link ParsedOnceFeelEngine}, so every user task's due date (and every
 * other decision) is still evaluated by the engine, with its decision history, without parsing the table's FEEL
 * again each time. Done before the engine is built: the engine then adds its history producer, expression
 * language and custom functions to this configuration as it does to its default one.
 */
@Component
public class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy (JUEL-based) FEEL is another engine altogether: left as Camunda builds it
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    ParsedOnceFeelEngineFactory.installIn(dmn);
  }
}
