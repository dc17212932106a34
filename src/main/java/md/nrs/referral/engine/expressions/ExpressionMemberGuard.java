package md.nrs.referral.engine.expressions;

import java.beans.FeatureDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.joda.time.ReadableInstant;
import org.joda.time.ReadablePartial;
import org.joda.time.ReadablePeriod;

/**
 * The first resolver of every expression the engine evaluates (models, decisions in JUEL, stored task
 * filters): it resolves nothing itself, but refuses — before any other resolver can act — to read a
 * member of, or call a method on, anything that is not on the allow-list of (type, member) pairs. So an
 * expression that slipped past the revision gate still cannot reach the engine's services
 * ({@code execution.processEngineServices}), reflection ({@code ''.getClass().forName(…)}) or any bean's
 * methods. Allowed: map entries and list items (decision results), the listed members of executions,
 * tasks and decision results, the properties of {@link ReadableBeans}, and instance methods of plain values
 * (text, numbers, dates).
 */
public final class ExpressionMemberGuard extends ELResolver {

  private static final Set<String> EXECUTION = Set.of("processBusinessKey", "businessKey", "processInstanceId", "id",
      "currentActivityId", "currentActivityName", "activityInstanceId", "eventName");
  private static final Set<String> TASK = Set.of("id", "name", "taskDefinitionKey", "processInstanceId", "assignee",
      "eventName", "dueDate");
  private static final Set<String> DECISION_RESULT = Set.of("singleResult", "firstResult", "singleEntry", "resultList");
  private static final Set<String> DECISION_RESULT_CALLS = Set.of("getSingleResult", "getFirstResult", "getSingleEntry",
      "getResultList", "collectEntries");
  private static final Set<String> MAP_CALLS = Set.of("get", "containsKey", "isEmpty", "size", "getSingleEntry",
      "getFirstEntry", "getEntry");
  private static final Set<String> COLLECTION_CALLS = Set.of("get", "contains", "isEmpty", "size");
  /** Object's own members: they lead to the Java runtime or to threads, never to data. */
  private static final Set<String> NEVER = Set.of("class", "getClass", "wait", "notify", "notifyAll");

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base != null) {
      requireAllowed(base, String.valueOf(property), false);
    }
    return null; // not resolved here: the next resolvers read the value
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base != null) {
      requireAllowed(base, String.valueOf(method), true);
    }
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base != null) {
      requireAllowed(base, String.valueOf(property), false);
    }
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      throw refused(base, String.valueOf(property), false);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  static boolean allowed(Object base, String member, boolean call) {
    if (NEVER.contains(member)) {
      return false;
    }
    if (base instanceof DmnDecisionResult) {
      return call ? DECISION_RESULT_CALLS.contains(member) : DECISION_RESULT.contains(member) || isIndex(member);
    }
    if (base instanceof Map) {
      return !call || MAP_CALLS.contains(member);
    }
    if (base instanceof Collection || base.getClass().isArray()) {
      return call ? COLLECTION_CALLS.contains(member) : isIndex(member);
    }
    if (base instanceof DelegateExecution) {
      return EXECUTION.contains(call ? property(member) : member);
    }
    if (base instanceof DelegateTask) {
      return TASK.contains(call ? property(member) : member);
    }
    Set<String> readable = ReadableBeans.propertiesOf(base);
    if (readable != null) {
      return readable.contains(call ? property(member) : member);
    }
    if (isPlainValue(base)) {
      return !call || hasInstanceMethod(base.getClass(), member);
    }
    return false;
  }

  private static void requireAllowed(Object base, String member, boolean call) {
    if (!allowed(base, member, call)) {
      throw refused(base, member, call);
    }
  }

  private static ELException refused(Object base, String member, boolean call) {
    String type = base instanceof DelegateExecution ? "an execution" : base instanceof DelegateTask ? "a task"
        : base.getClass().getName();
    return new ELException("The platform does not let expressions " + (call ? "call '" + member + "()'" : "read '"
        + member + "'") + " of " + type + " (see the revision gate's allow-list)");
  }

  private static boolean isPlainValue(Object base) {
    return base instanceof CharSequence || base instanceof Number || base instanceof Boolean
        || base instanceof Character || base instanceof Date || base instanceof TemporalAccessor
        || base instanceof TemporalAmount || base instanceof ReadableInstant || base instanceof ReadablePartial
        || base instanceof ReadablePeriod;
  }

  /** Static methods are reachable through an instance in EL ({@code 1.getInteger(…)}); only instance methods count. */
  private static boolean hasInstanceMethod(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIndex(String member) {
    return !member.isEmpty() && member.chars().allMatch(Character::isDigit);
  }

  /** getProcessBusinessKey → processBusinessKey. */
  private static String property(String method) {
    String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : "";
    return rest.isEmpty() ? "" : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }
}
