package md.nrs.referral.engine.expressions;

import java.util.Map;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with two restrictions over the Spring starter's one (which exposes
 * every bean of the application and lets expressions call any method): root names resolve only to
 * variables, the engine's own names and the platform's delegates ({@link PlatformDelegates}); and
 * {@link ExpressionMemberGuard} runs before the resolvers that read members, so it decides what may be read or called.
 */
public class RestrictedExpressionManager extends JuelExpressionManager {

  public RestrictedExpressionManager(Map<Object, Object> platformDelegates) {
    super(platformDelegates);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new ExpressionMemberGuard());
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new MockElResolver());
    resolver.add(new ReadOnlyMapELResolver(beans));
    resolver.add(new ArrayELResolver());
    resolver.add(new ListELResolver());
    resolver.add(new MapELResolver());
    resolver.add(new BeanELResolver());
    return resolver;
  }
}
