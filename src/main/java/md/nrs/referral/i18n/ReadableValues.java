package md.nrs.referral.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Earlier answers as a person reads them: a task form's text blocks show {@code {{plannedServices}}} as
 * "Legal assistance, Medical assistance", not {@code ["legal","medical"]}, and {@code {{shelterNeeded}}} as "no",
 * not {@code false}, in the user's language. A code's label comes from the translation source: first
 * {@code value.<variable>.<code>} (values no form offers, e.g. the triage's pathway), else the option label of the
 * form field that asked for it ({@code form.<form>.<variable>.value.<code>}); a yes/no from {@code value.true} and
 * {@code value.false}. A value with no label (a case code, a note, a date) stays for the form to show as it is.
 */
@Component
public class ReadableValues {

  /** Variables that hold the codes of another field: a service referral's type is one of the planned services. */
  static final Map<String, String> SAME_CODES_AS = Map.of("serviceType", "plannedServices");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
  private static final Pattern OPTION_KEY = Pattern.compile("^form\\.([^.]+)\\.([^.]+)\\.value\\.(.+)$");

  private final Translations translations;
  /** variable -> the form whose option labels name its codes (the first form by id that asks for it). */
  private final Map<String, String> formOfVariable = new TreeMap<>();
  private final ObjectMapper json = new ObjectMapper();

  public ReadableValues(Translations translations) {
    this.translations = translations;
    new TreeMap<>(translations.all(Language.FALLBACK)).keySet().forEach(key -> {
      Matcher option = OPTION_KEY.matcher(key);
      if (option.matches()) {
        formOfVariable.putIfAbsent(option.group(2), option.group(1));
      }
    });
  }

  /** Replaces, in every text block of the form, the placeholders whose values have labels by those labels. */
  public void fill(JsonNode schema, Map<String, Object> variables, Language language) {
    if (!(schema instanceof ObjectNode component)) {
      return;
    }
    if ("text".equals(component.path("type").asText()) && component.path("text").isTextual()) {
      Matcher placeholder = PLACEHOLDER.matcher(component.get("text").asText());
      StringBuilder filled = new StringBuilder();
      while (placeholder.find()) {
        String variable = placeholder.group(1);
        Optional<String> readable = variables.containsKey(variable)
            ? readable(variable, variables.get(variable), language) : Optional.empty();
        placeholder.appendReplacement(filled, Matcher.quoteReplacement(readable.map(ReadableValues::plain)
            .orElse(placeholder.group())));
      }
      placeholder.appendTail(filled);
      component.put("text", filled.toString());
    }
    for (JsonNode child : component.path("components")) {
      fill(child, variables, language);
    }
  }

  /** The variable names the form's text blocks show. */
  public static java.util.Set<String> placeholders(JsonNode schema) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    collect(schema, names);
    return names;
  }

  private static void collect(JsonNode component, java.util.Set<String> names) {
    if ("text".equals(component.path("type").asText()) && component.path("text").isTextual()) {
      PLACEHOLDER.matcher(component.get("text").asText()).results().forEach(m -> names.add(m.group(1)));
    }
    component.path("components").forEach(child -> collect(child, names));
  }

  /** The value as words in this language, if every part of it has a label. */
  public Optional<String> readable(String variable, Object value, Language language) {
    if (value instanceof Boolean flag) {
      return translations.find(language, "value." + flag);
    }
    List<String> codes = codes(value);
    if (codes == null) {
      return Optional.empty();
    }
    if (codes.isEmpty()) {
      return translations.find(language, "value.none");
    }
    List<String> labels = new ArrayList<>();
    for (String code : codes) {
      Optional<String> label = label(variable, code, language);
      if (label.isEmpty()) {
        return Optional.empty();
      }
      labels.add(label.get());
    }
    return Optional.of(String.join(", ", labels));
  }

  private Optional<String> label(String variable, String code, Language language) {
    String codesOf = SAME_CODES_AS.getOrDefault(variable, variable);
    return translations.find(language, "value." + codesOf + "." + code)
        .or(() -> Optional.ofNullable(formOfVariable.get(codesOf))
            .flatMap(form -> translations.find(language, "form." + form + "." + codesOf + ".value." + code)));
  }

  /** A code, a list of codes (a Java list or JSON text, as checklists are kept), or null for anything else. */
  private List<String> codes(Object value) {
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (value == null) {
      return null;
    }
    String text = value instanceof String s ? s : value.toString();
    if (text.startsWith("[")) {
      try {
        JsonNode array = json.readTree(text);
        List<String> codes = new ArrayList<>();
        array.forEach(element -> codes.add(element.asText()));
        return array.isArray() ? codes : null;
      } catch (java.io.IOException notJson) {
        return null;
      }
    }
    return value instanceof String s ? List.of(s) : null;
  }

  /** A label is shown as text, never read as markdown or as a template. */
  private static String plain(String label) {
    return label.replaceAll("([\\\\`*_\\[\\]<>{}#|])", "\\\\$1");
  }
}
