package md.nrs.referral.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form record (a {@code @FormContract} of main code) as the values a client submits: one entry per
 * filled-in field, named by the record component, so tests never spell a form's keys as strings. Empty
 * fields (null) are left out, as Tasklist leaves out a field nobody touched; dates become ISO-8601 text,
 * as Camunda Forms submit them. The map is mutable, for tests that add a field on purpose.
 */
public final class FormSubmission {

  private FormSubmission() {
  }

  public static Map<String, Object> of(Record form) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : form.getClass().getRecordComponents()) {
      Object value = valueOf(form, component);
      if (value != null) {
        values.put(component.getName(), value instanceof TemporalAccessor ? value.toString() : value);
      }
    }
    return values;
  }

  private static Object valueOf(Record form, RecordComponent component) {
    try {
      return component.getAccessor().invoke(form);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + form.getClass().getSimpleName(), e);
    }
  }
}
