package md.nrs.referral.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable of a process contract: one name, one type, read and written in one place,
 * so delegates, listeners and tests never spell variable names as strings.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<?> type;

  private ProcessVariable(String name, Class<?> type) {
    this.name = name;
    this.type = type;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> number(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  @SuppressWarnings("unchecked")
  public static ProcessVariable<List<String>> textList(String name) {
    return (ProcessVariable<List<String>>) (ProcessVariable<?>) new ProcessVariable<>(name, List.class);
  }

  public String name() {
    return name;
  }

  public Class<?> type() {
    return type;
  }

  @SuppressWarnings("unchecked")
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value != null && !type.isInstance(value)) {
      throw new IllegalStateException("Variable " + name + " should be a " + type.getSimpleName() + " but is a "
          + value.getClass().getSimpleName());
    }
    return (T) value;
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** An entry for a variables map (starting a process, completing a task). */
  public Map.Entry<String, Object> is(T value) {
    return Map.entry(name, value);
  }

  @Override
  public String toString() {
    return name;
  }
}
