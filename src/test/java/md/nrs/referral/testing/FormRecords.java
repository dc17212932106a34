package md.nrs.referral.testing;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** A form contract record as the variables a form submits (dates as ISO text, absent fields left out). */
public final class FormRecords {

  private FormRecords() {
  }

  public static Map<String, Object> variables(Record form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (RecordComponent component : form.getClass().getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(form);
        if (value instanceof java.time.temporal.TemporalAccessor) {
          value = value.toString();
        }
        if (value != null) {
          variables.put(component.getName(), value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return variables;
  }
}
