package md.nrs.referral.engine.expressions;

import java.util.Map;
import java.util.Set;
import org.springframework.util.ClassUtils;

/**
 * Beans other than delegates that models may read, and which of their properties: settings an operator
 * configures and a model uses (the coordination meetings' timer cycle, the deliveries' retry cycle). Reading a property is all a
 * model may do with them; the revision gate and {@link ExpressionMemberGuard} both use this list.
 */
public final class ReadableBeans {

  /** Bean name → properties a model may read. */
  public static final Map<String, Set<String>> PROPERTIES = Map.of("coordinationMeetingSchedule", Set.of("cycle"),
      "deliveryRetrySchedule", Set.of("cycle"));


  private ReadableBeans() {
  }

  /** The same for the engine's resolver, which sees objects, not bean names: their {@link ReadableInModels} mark. */
  static Set<String> propertiesOf(Object bean) {
    ReadableInModels readable = ClassUtils.getUserClass(bean).getAnnotation(ReadableInModels.class);
    return readable == null ? null : Set.of(readable.value());
  }
}
