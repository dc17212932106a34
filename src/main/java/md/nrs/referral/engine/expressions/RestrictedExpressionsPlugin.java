package md.nrs.referral.engine.expressions;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces the starter's expression manager (all beans, any method) with {@link RestrictedExpressionManager}
 * before the engine is built, and gives the engine only the platform's delegates as its beans (scripting
 * would otherwise see every bean too). Defence in depth behind the revision gate: whatever expression
 * reaches the engine — a model, a decision, a stored filter — runs under the same allow-list.
 */
@Component
public class RestrictedExpressionsPlugin extends AbstractProcessEnginePlugin {

  private final BeanFactory beans;

  public RestrictedExpressionsPlugin(BeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PlatformDelegates delegates = new PlatformDelegates(beans);
    configuration.setBeans(delegates);
    configuration.setExpressionManager(new RestrictedExpressionManager(delegates));
  }
}
