package md.nrs.referral.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Puts the user's language into what the engine APIs answer Tasklist: the texts of a Camunda Form
 * (labels, descriptions, text blocks and the labels of choices, never their stored values), and the
 * names of tasks, process definitions and filters. Keys (see forms/i18n/README.md):
 * form.&lt;form id&gt;.&lt;component key or id&gt;.&lt;label|dateLabel|timeLabel|description|text|placeholder&gt;,
 * form.&lt;form id&gt;.&lt;component&gt;.value.&lt;value&gt;, task.&lt;process key&gt;.&lt;task id&gt;,
 * process.&lt;process key&gt;, filter.&lt;slug of its name&gt;.name and .description, filter.variable.&lt;name&gt;.
 */
@Component
public class EngineTexts {

  static final String[] FORM_TEXTS = {"label", "dateLabel", "timeLabel", "description", "text", "placeholder"};

  private final Translations translations;

  public EngineTexts(Translations translations) {
    this.translations = translations;
  }

  /** Translates a form schema in place; a text without a key stays as the form has it. */
  public void translateForm(JsonNode schema, Language language) {
    String formId = schema.path("id").asText(null);
    if (formId != null) {
      translateComponent(schema, "form." + formId + ".", language);
    }
  }

  private void translateComponent(JsonNode component, String prefix, Language language) {
    if (!(component instanceof ObjectNode object)) {
      return;
    }
    String name = object.path("key").isTextual() ? object.get("key").asText() : object.path("id").asText(null);
    if (name != null && !"default".equals(object.path("type").asText())) {
      for (String property : FORM_TEXTS) {
        if (object.path(property).isTextual()) {
          object.put(property, translations.text(language, prefix + name + "." + property, object.get(property).asText()));
        }
      }
      for (JsonNode choice : object.path("values")) {
        if (choice instanceof ObjectNode option && option.path("value").isValueNode() && option.path("label").isTextual()) {
          option.put("label", translations.text(language, prefix + name + ".value." + option.get("value").asText(),
              option.get("label").asText()));
        }
      }
    }
    for (JsonNode child : object.path("components")) {
      translateComponent(child, prefix, language);
    }
  }

  /**
   * Translates, anywhere in an engine API answer (lists, single objects, HAL's _embedded), the names of
   * tasks, process definitions and filters.
   */
  public void translateNames(JsonNode answer, Language language) {
    if (answer.isArray()) {
      for (JsonNode element : answer) {
        translateNames(element, language);
      }
      return;
    }
    if (!(answer instanceof ObjectNode object)) {
      return;
    }
    if (object.path("name").isTextual()) {
      if (object.path("taskDefinitionKey").isTextual() && object.path("processDefinitionId").isTextual()) {
        String processKey = object.get("processDefinitionId").asText().split(":", 2)[0];
        translateName(object, "task." + processKey + "." + object.get("taskDefinitionKey").asText(), language);
      } else if ("Task".equals(object.path("resourceType").asText()) && object.has("properties")) {
        String slug = slug(object.get("name").asText());
        translateName(object, "filter." + slug + ".name", language);
        if (object.get("properties") instanceof ObjectNode properties) {
          if (properties.path("description").isTextual()) {
            properties.put("description", translations.text(language, "filter." + slug + ".description",
                properties.get("description").asText()));
          }
          // the variables a filter shows in each row ("Case": the case code)
          for (JsonNode variable : properties.path("variables")) {
            if (variable instanceof ObjectNode shown && shown.path("label").isTextual() && shown.path("name").isTextual()) {
              shown.put("label", translations.text(language, "filter.variable." + shown.get("name").asText(),
                  shown.get("label").asText()));
            }
          }
        }
      } else if (object.path("key").isTextual() && object.has("deploymentId") && object.has("version")
          && object.has("resource")) { // a process definition, in a list, alone or embedded in a task list
        translateName(object, "process." + object.get("key").asText(), language);
      }
    }
    object.fields().forEachRemaining(field -> {
      if (field.getValue().isContainerNode()) {
        translateNames(field.getValue(), language);
      }
    });
  }

  private void translateName(ObjectNode object, String key, Language language) {
    object.put("name", translations.text(language, key, object.get("name").asText()));
  }

  /** "Unassigned in my agency" → "unassigned-in-my-agency". */
  public static String slug(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
