package md.nrs.referral.expressions;

import java.util.Map;
import java.util.Set;
import md.nrs.referral.coordination.CoordinationMeetingSchedule;

/**
 * Beans other than delegates that models may read, and which of their properties: settings an operator
 * configures and a model uses (the coordination meetings' timer cycle). Reading a property is all a
 * model may do with them; the revision gate and {@link ExpressionMemberGuard} both use this list.
 */
public final class ReadableBeans {

  /** Bean name → properties a model may read. */
  public static final Map<String, Set<String>> PROPERTIES = Map.of("coordinationMeetingSchedule", Set.of("cycle"));

  /** The same by type, for the engine's resolver (which sees objects, not bean names). */
  static final Map<Class<?>, Set<String>> BY_TYPE = Map.of(CoordinationMeetingSchedule.class, Set.of("cycle"));

  private ReadableBeans() {
  }

  static Set<String> propertiesOf(Object bean) {
    for (Map.Entry<Class<?>, Set<String>> entry : BY_TYPE.entrySet()) {
      if (entry.getKey().isInstance(bean)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
