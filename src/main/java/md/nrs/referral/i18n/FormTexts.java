package md.nrs.referral.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every translatable text of a Camunda Form by its key in the translation source (see {@link EngineTexts}). */
public final class FormTexts {

  private FormTexts() {
  }

  public static Map<String, String> of(JsonNode schema) {
    Map<String, String> texts = new LinkedHashMap<>();
    String formId = schema.path("id").asText(null);
    if (formId != null) {
      collect(schema, "form." + formId + ".", texts);
    }
    return texts;
  }

  private static void collect(JsonNode component, String prefix, Map<String, String> texts) {
    String name = component.path("key").isTextual() ? component.get("key").asText() : component.path("id").asText(null);
    if (name != null && !"default".equals(component.path("type").asText())) {
      for (String property : EngineTexts.FORM_TEXTS) {
        if (component.path(property).isTextual() && !component.get(property).asText().isBlank()) {
          texts.put(prefix + name + "." + property, component.get(property).asText());
        }
      }
      for (JsonNode choice : component.path("values")) {
        if (choice.path("value").isValueNode() && choice.path("label").isTextual()) {
          texts.put(prefix + name + ".value." + choice.get("value").asText(), choice.get("label").asText());
        }
      }
    }
    for (JsonNode child : component.path("components")) {
      collect(child, prefix, texts);
    }
  }
}
