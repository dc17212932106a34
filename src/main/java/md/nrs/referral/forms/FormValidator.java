package md.nrs.referral.forms;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.springframework.stereotype.Component;

/**
 * Checks submitted form values against the form's {@link FormContract}: no unknown fields, each value
 * of its field's type, then the Bean Validation constraints. Every bad field is reported, each once,
 * without echoing the value (it may be personal data).
 */
@Component
public class FormValidator {

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private final Validator validator;

  public FormValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * @param values the submitted values by field key
   * @param strict refuse fields the contract does not know (a submission); false when checking a
   *     task's whole variable scope, which holds earlier steps' variables too
   */
  public List<FieldError> validate(Class<? extends Record> contract, Map<String, ?> values, boolean strict) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, RecordComponent> components = new LinkedHashMap<>();
    for (RecordComponent component : contract.getRecordComponents()) {
      components.put(component.getName(), component);
    }
    if (strict) {
      errors.addAll(unknownFields(contract, values));
    }
    Object[] arguments = new Object[components.size()];
    boolean converted = true;
    int i = 0;
    for (RecordComponent component : components.values()) {
      Object raw = values.get(component.getName());
      try {
        JavaType type = json.getTypeFactory().constructType(component.getGenericType());
        arguments[i] = raw == null || (raw instanceof String s && s.isBlank() && component.getType() != String.class)
            ? defaultFor(component.getType()) : json.convertValue(raw, type);
      } catch (IllegalArgumentException wrongType) {
        errors.add(new FieldError(component.getName(), "is not a valid " + describe(component.getType())));
        arguments[i] = defaultFor(component.getType());
        converted = false;
      }
      i++;
    }
    if (converted) { // unknown fields do not stop the other checks: report every bad field at once
      Record form = instantiate(contract, components.values(), arguments);
      for (ConstraintViolation<Record> violation : validator.validate(form)) {
        errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
      }
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return errors;
  }

  /** The submitted keys the contract does not know, each as an error. */
  public List<FieldError> unknownFields(Class<? extends Record> contract, Map<String, ?> values) {
    java.util.Set<String> known = new java.util.HashSet<>();
    for (RecordComponent component : contract.getRecordComponents()) {
      known.add(component.getName());
    }
    return values.keySet().stream().filter(key -> !known.contains(key)).sorted()
        .map(key -> new FieldError(key, "is not a field of this form")).toList();
  }

  /** The submitted values as the contract's record, once they are valid. */
  public <T extends Record> T read(Class<T> contract, Map<String, ?> values) {
    List<FieldError> errors = validate(contract, values, false);
    if (!errors.isEmpty()) {
      throw new InvalidFormException(contract.getAnnotation(FormContract.class).value(), errors);
    }
    return json.convertValue(values.entrySet().stream()
        .filter(e -> hasComponent(contract, e.getKey()))
        .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll), contract);
  }

  private static boolean hasComponent(Class<? extends Record> contract, String name) {
    for (RecordComponent component : contract.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Record instantiate(Class<? extends Record> contract, java.util.Collection<RecordComponent> components,
      Object[] arguments) {
    try {
      Class<?>[] types = components.stream().map(RecordComponent::getType).toArray(Class<?>[]::new);
      var constructor = contract.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build form contract " + contract.getName(), e);
    }
  }

  private static Object defaultFor(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class || type == long.class || type == short.class || type == byte.class) {
      return 0;
    }
    return null;
  }

  private static String describe(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "date (YYYY-MM-DD)";
      case "Boolean", "boolean" -> "yes/no value";
      case "Integer", "int", "Long", "long" -> "whole number";
      case "List", "Set" -> "list of choices";
      default -> type.isEnum() ? "choice" : "value";
    };
  }
}
