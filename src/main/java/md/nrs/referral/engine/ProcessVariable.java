package md.nrs.referral.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable of a process contract: one name, one type, read and written in one place,
 * so delegates, listeners and tests never spell variable names as strings. Dates are stored as ISO-8601
 * text (what Camunda Forms submit and FEEL reads) and read back as {@code java.time} values here, so no
 * delegate parses them by hand.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<?> type;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  @SuppressWarnings("unchecked")
  private ProcessVariable(String name, Class<?> type) {
    this(name, type, value -> (T) value, value -> value);
  }

  private ProcessVariable(String name, Class<?> type, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.type = type;
    this.read = read;
    this.write = write;
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

  /** A calendar day, stored as {@code yyyy-MM-dd} text. */
  public static ProcessVariable<LocalDate> date(String name) {
    return new ProcessVariable<>(name, String.class, text -> parse(name, text, LocalDate::parse), LocalDate::toString);
  }

  /** An instant, stored as ISO-8601 text with an offset ({@code 2026-03-02T17:00:00Z} or {@code …+02:00}). */
  public static ProcessVariable<Instant> instant(String name) {
    return new ProcessVariable<>(name, String.class, text -> parse(name, text, t -> OffsetDateTime.parse(t).toInstant()),
        Instant::toString);
  }

  private static <V> V parse(String name, Object text, Function<String, V> parser) {
    try {
      return parser.apply((String) text);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("Variable " + name + " should be an ISO-8601 date but is '" + text + "'", e);
    }
  }

  public String name() {
    return name;
  }

  public Class<?> type() {
    return type;
  }

  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException("Variable " + name + " should be a " + type.getSimpleName() + " but is a "
          + value.getClass().getSimpleName());
    }
    return read.apply(value);
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value == null ? null : write.apply(value));
  }

  /**
   * Sets a transient value: the engine keeps it in memory for the running command only (e.g. for a timer created in
   * it) and never writes it to the runtime or history tables.
   */
  public void setTransient(VariableScope scope, T value) {
    scope.setVariable(name, org.camunda.bpm.engine.variable.Variables.untypedValue(write.apply(value), true));
  }

  /** An entry for a variables map (starting a process, completing a task). */
  public Map.Entry<String, Object> is(T value) {
    return Map.entry(name, write.apply(value));
  }

  @Override
  public String toString() {
    return name;
  }
}
