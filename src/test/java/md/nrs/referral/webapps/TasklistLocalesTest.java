package md.nrs.referral.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Romanian and Russian Tasklist translations are complete: every key of the English file that ships
 * with Tasklist (read from the Camunda webjar, so a Camunda upgrade that adds keys fails here), with the
 * same placeholders, links and moment.js date patterns, and really translated.
 */
class TasklistLocalesTest {

  private static final String LOCALES = "/META-INF/resources/webjars/camunda/app/tasklist/locales/";
  /** Names of products and of value types, and operators, that stay as they are in every language. */
  private static final Set<String> KEPT_AS_THEY_ARE = Set.of("APP_VENDOR", "COCKPIT_APP", "TASKLIST_APP", "BOOLEAN", "DOUBLE",
      "INTEGER", "LONG", "SHORT", "STRING", "NO_TASK_FORM", "SEARCH_LESS_THAN", "SEARCH_LESS_THAN_EQUALS",
      "SEARCH_GREATER_THAN", "SEARCH_GREATER_THAN_EQUALS", "CAM_WIDGET_VARIABLES_TABLE_NULL", "CAM_WIDGET_VARIABLE_NULL",
      // the same word in Romanian
      "OPERATOR", "FILTER_CRITERIA_OPERATOR", "FILTER_FORM_BASICS");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|%[ds]|<a |</a>|<br/>");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"ro", "ru"})
  void hasEveryKeyOfTheEnglishFileAndNoOther(String language) {
    Map<String, JsonNode> english = leaves(read("en"));
    Map<String, JsonNode> translated = leaves(read(language));
    assertThat(translated.keySet()).as(language + ".json keys").containsExactlyElementsOf(english.keySet());
    assertThat(english).hasSizeGreaterThan(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ro", "ru"})
  void keepsEveryPlaceholderLinkAndLineBreak(String language) {
    Map<String, JsonNode> english = leaves(read("en"));
    Map<String, JsonNode> translated = leaves(read(language));
    List<String> broken = new ArrayList<>();
    english.forEach((key, value) -> {
      if (!placeholders(value.asText()).equals(placeholders(translated.get(key).asText()))) {
        broken.add(key + ": " + placeholders(value.asText()) + " became " + placeholders(translated.get(key).asText()));
      }
    });
    assertThat(broken).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ro", "ru"})
  void translatesEveryLabelButProductAndTypeNames(String language) {
    JsonNode english = read("en").get("labels");
    JsonNode translated = read(language).get("labels");
    List<String> untranslated = new ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      if (!KEPT_AS_THEY_ARE.contains(key) && english.get(key).asText().equals(translated.get(key).asText())) {
        untranslated.add(key + " = " + english.get(key).asText());
      }
    });
    assertThat(untranslated).isEmpty();
  }

  @Test
  void romanianIsWrittenWithCommaBelowLettersAndRussianInCyrillic() {
    String romanian = read("ro").toString();
    assertThat(romanian).contains("ș", "ț", "ă", "î", "â").doesNotContain("ş", "ţ");
    JsonNode russian = read("ru").get("labels");
    List<String> latin = new ArrayList<>();
    russian.fieldNames().forEachRemaining(key -> {
      String text = russian.get(key).asText();
      if (!KEPT_AS_THEY_ARE.contains(key) && !text.isEmpty() && !text.matches("(?s).*[А-Яа-яЁё].*")) {
        latin.add(key + " = " + text);
      }
    });
    assertThat(latin).isEmpty();
    assertThat(read("ru").at("/dateLocales/months/0").asText()).isEqualTo("январь");
    assertThat(read("ro").at("/dateLocales/weekdays/2").asText()).isEqualTo("marți");
  }

  @Test
  void tasklistOffersRomanianAndRussianWithEnglishAsFallback() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js")) {
      String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(config).contains("availableLocales: ['en', 'de', 'ro', 'ru']").contains("fallbackLocale: 'en'");
    }
  }

  private JsonNode read(String language) {
    try (InputStream in = getClass().getResourceAsStream(LOCALES + language + ".json")) {
      assertThat(in).as(LOCALES + language + ".json on the classpath").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every leaf by its path ("labels.CLAIM_TASK", "dateLocales.months[0]"), in file order. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1) != null ? "{{" + matcher.group(1) + "}}" : matcher.group());
    }
    found.sort(null);
    return found;
  }
}
