package md.nrs.referral.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plain values of variables as clients send them to the engine API
 * ({@code {"variables": {"name": {"value": ..., "type": ...}}}}) or as the engine holds them.
 * JSON-typed values (Tasklist sends a checklist as a JSON string) become lists and maps.
 */
public final class SubmittedVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedVariables() {
  }

  /** From a REST body; a missing "variables" member means none. */
  public static Map<String, Object> fromRequestBody(JsonNode body) {
    Map<String, Object> values = new LinkedHashMap<>();
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables == null || !variables.isObject()) {
      return values;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode variable = field.getValue();
      JsonNode value = variable.isObject() ? variable.get("value") : variable;
      String type = variable.isObject() && variable.hasNonNull("type") ? variable.get("type").asText() : "";
      values.put(field.getKey(), plain(value, type));
    }
    return values;
  }

  /**
   * From the engine's variables, read without deserializing objects: a JSON object variable (a list
   * from a form) is parsed as plain JSON, so no Java type named in the database is ever instantiated.
   */
  public static Map<String, Object> fromEngine(org.camunda.bpm.engine.variable.VariableMap variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      org.camunda.bpm.engine.variable.value.TypedValue typed = variables.getValueTyped(name);
      Object value;
      if (typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable && !serializable.isDeserialized()) {
        JsonNode parsed = serializable.getValueSerialized() == null ? null : read(serializable.getValueSerialized());
        value = parsed == null ? null : JSON.convertValue(parsed, Object.class);
      } else if (typed.getValue() instanceof org.camunda.spin.json.SpinJsonNode spin) {
        value = JSON.convertValue(read(spin.toString()), Object.class);
      } else {
        value = typed.getValue();
      }
      values.put(name, value);
    }
    return values;
  }

  private static Object plain(JsonNode value, String type) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() && ("json".equalsIgnoreCase(type) || "object".equalsIgnoreCase(type))) {
      JsonNode parsed = read(value.asText());
      return parsed == null ? value.asText() : JSON.convertValue(parsed, Object.class);
    }
    return JSON.convertValue(value, Object.class);
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception notJson) {
      return null;
    }
  }
}
