package md.nrs.referral.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Calls every {@link EngineStartup} bean at its moment of the engine's start. */
@Component
public class EngineStartupPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<EngineStartup> steps;

  public EngineStartupPlugin(ObjectProvider<EngineStartup> steps) {
    this.steps = steps;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    steps.orderedStream().forEach(EngineStartup::beforeEngineInit);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    steps.orderedStream().forEach(step -> step.afterEngineBuilt(engine));
  }
}
