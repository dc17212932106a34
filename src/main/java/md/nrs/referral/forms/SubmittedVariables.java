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

  /** From the engine's variable map: Spin JSON values are read back as lists and maps. */
  public static Map<String, Object> fromEngine(Map<String, Object> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, value instanceof org.camunda.spin.json.SpinJsonNode spin
        ? JSON.convertValue(read(spin.toString()), Object.class) : value));
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
