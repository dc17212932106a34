package md.nrs.referral.engine.expressions;

import java.util.AbstractMap;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The only Spring beans expressions can reach: the platform's own delegates and listeners (classes of
 * {@code md.nrs.referral} that implement a Camunda delegate interface), and the few {@link ReadableBeans}. Offered to the engine as the map
 * of its "beans", so {@code ${identityService}}, {@code ${processEngine}}, {@code ${dataSource}} and every
 * other bean of the application resolve to nothing in a model. Read-only; beans are looked up by name
 * when an expression names them (they may not exist yet while the engine is being built).
 */
public final class PlatformDelegates extends AbstractMap<Object, Object> {

  static final String PLATFORM_PACKAGE = "md.nrs.referral.";
  private static final Class<?>[] DELEGATE_TYPES = {JavaDelegate.class, ExecutionListener.class, TaskListener.class,
      DelegateVariableMapping.class};

  private final BeanFactory beans;

  public PlatformDelegates(BeanFactory beans) {
    this.beans = beans;
  }

  /** Whether the named bean is a delegate or listener of the platform (decided by its type, without creating it). */
  public static boolean isDelegate(BeanFactory beans, String name) {
    if (name == null || !beans.containsBean(name)) {
      return false;
    }
    Class<?> type = beans.getType(name);
    if (type == null) {
      return false;
    }
    Class<?> user = ClassUtils.getUserClass(type);
    if (!user.getName().startsWith(PLATFORM_PACKAGE)) {
      return false;
    }
    for (Class<?> delegate : DELEGATE_TYPES) {
      if (delegate.isAssignableFrom(user)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && (isDelegate(beans, name)
        || ReadableBeans.PROPERTIES.containsKey(name) && beans.containsBean(name));
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? beans.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return Set.of(); // not listed: the engine only ever asks for a name
  }
}
