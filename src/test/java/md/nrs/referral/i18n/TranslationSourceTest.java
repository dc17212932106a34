package md.nrs.referral.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import md.nrs.referral.models.ProblemCode;
import org.junit.jupiter.api.Test;

/**
 * The translation source (forms/i18n): every text a caseworker reads has a key in every language, with
 * the same placeholders; Romanian is written with ș/ț (comma below), Russian in Cyrillic.
 */
class TranslationSourceTest {

  private static final Path SOURCE = Path.of("forms", "i18n");
  private static final Pattern CEDILLA = Pattern.compile("[\u015f\u0163\u015e\u0162]");
  /** Placeholders: the server's {name} and the forms' {{variable}}. */
  private static final Pattern PLACEHOLDERS = Pattern.compile("\\{\\{?[A-Za-z][A-Za-z0-9]*}}?");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyKeyOfEveryLanguageIsInEveryOtherWithTheSamePlaceholders() throws IOException {
    assertThat(problems(load(), untranslatedForms())).isEmpty();
  }

  @Test
  void aMissingRussianKeyIsFound() throws IOException {
    Map<Language, Map<String, String>> source = load();
    String key = "task.nrs-case.UserTask_IdentificationInterview";
    source.get(Language.RU).remove(key);
    assertThat(problems(source, untranslatedForms())).containsExactly("ru lacks " + key);
  }

  @Test
  void aChangedPlaceholderACedillaAndLatinRussianAreFound() throws IOException {
    Map<Language, Map<String, String>> source = load();
    source.get(Language.RO).put("error.invalid-form", "Formularul are câmpuri greşite: {field}");
    source.get(Language.RU).put("filter.overdue.name", "Overdue");
    assertThat(problems(source, untranslatedForms())).containsExactlyInAnyOrder(
        "ro error.invalid-form: placeholders [{field}] instead of [{fields}]",
        "ro error.invalid-form: ş/ţ with a cedilla (write ș/ț)",
        "ru filter.overdue.name: not in Cyrillic");
  }

  @Test
  void everyTextOfEveryFormHasAnEnglishKey() throws IOException {
    Map<String, String> english = load().get(Language.EN);
    List<String> missing = new ArrayList<>();
    for (Path form : forms()) {
      for (String key : FormTexts.of(json.readTree(form.toFile())).keySet()) {
        if (!english.containsKey(key)) {
          missing.add(key);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyTaskProcessAndFilterNameHasAKey() throws IOException {
    Map<String, String> english = load().get(Language.EN);
    List<String> missing = new ArrayList<>();
    Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"[^>]*name=\"([^\"]*)\"");
    Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*?name=\"([^\"]*)\"", Pattern.DOTALL);
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        String xml = Files.readString(model);
        var processes = process.matcher(xml);
        String processKey = null;
        while (processes.find()) {
          processKey = processes.group(1);
          expect(english, "process." + processKey, processes.group(2), missing);
        }
        var tasks = userTask.matcher(xml);
        while (tasks.find()) {
          expect(english, "task." + processKey + "." + tasks.group(1), tasks.group(2), missing);
        }
      }
    }
    for (String filter : List.of("My tasks", "My agency", "Unassigned in my agency", "Due today", "Overdue")) {
      expect(english, "filter." + EngineTexts.slug(filter) + ".name", filter, missing);
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyEndingOfTheCaseHasAKeyForTheCasePage() throws IOException {
    Map<String, String> english = load().get(Language.EN);
    List<String> missing = new ArrayList<>();
    var endEvents = Pattern.compile("<bpmn:endEvent id=\"([^\"]+)\"[^>]*?name=\"([^\"]*)\"", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("processes/nrs-case.bpmn")));
    while (endEvents.find()) {
      expect(english, "ending.nrs-case." + endEvents.group(1), endEvents.group(2).replace("&#39;", "'"), missing);
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyProblemCodeOfTheValidationGateHasItsWordsWithItsArgumentsAsPlaceholders() throws IOException {
    assertThat(problemCodeGaps(load().get(Language.EN))).isEmpty();
  }

  @Test
  void aProblemCodeWithoutWordsOrWithOtherPlaceholdersIsFound() throws IOException {
    Map<String, String> english = load().get(Language.EN);
    english.remove(ProblemCode.DELEGATE_UNKNOWN.key());
    english.put(ProblemCode.FORM_UNKNOWN.key(), "references form '{formRef}', which is not deployed");

    assertThat(problemCodeGaps(english)).containsExactly(
        "models.problem.form-unknown: placeholders [formRef] instead of [form]",
        "models.problem.delegate-unknown: no English words");
  }

  static List<String> problemCodeGaps(Map<String, String> english) {
    List<String> gaps = new ArrayList<>();
    for (ProblemCode code : ProblemCode.values()) {
      String words = english.get(code.key());
      if (words == null) {
        gaps.add(code.key() + ": no English words");
      } else if (!new TreeSet<>(Translations.placeholders(words)).equals(new TreeSet<>(code.arguments()))) {
        gaps.add(code.key() + ": placeholders " + new TreeSet<>(Translations.placeholders(words)) + " instead of "
            + new TreeSet<>(code.arguments()));
      }
    }
    return gaps;
  }

  /** The forms not yet in Romanian and Russian are listed, and only those: the list can only shrink honestly. */
  @Test
  void theListOfUntranslatedFormsIsExact() throws IOException {
    Map<String, String> russian = load().get(Language.RU);
    Set<String> untranslated = new TreeSet<>();
    for (Path form : forms()) {
      JsonNode schema = json.readTree(form.toFile());
      if (FormTexts.of(schema).keySet().stream().noneMatch(russian::containsKey)) {
        untranslated.add(schema.get("id").asText());
      }
    }
    assertThat(untranslatedForms()).isEqualTo(untranslated);
  }

  @Test
  void englishIsTheFallbackForAKeyALanguageLacks() {
    Translations translations = new Translations(Map.of(Language.EN, Map.of("a", "Due {days} days"), Language.RU, Map.of()));
    assertThat(translations.message(Language.RU, "a", Map.of("days", 3))).isEqualTo("Due 3 days");
    assertThat(translations.text(Language.RO, "b", "as the form has it")).isEqualTo("as the form has it");
    assertThatThrownBy(() -> assertThat(problems(Map.of(Language.EN, Map.of("a", "x"), Language.RO, Map.of(),
        Language.RU, Map.of()), Set.of())).isEmpty()).isInstanceOf(AssertionError.class);
  }

  private static void expect(Map<String, String> english, String key, String text, List<String> missing) {
    if (!text.equals(english.get(key))) {
      missing.add(key + " = " + text);
    }
  }

  static List<String> problems(Map<Language, Map<String, String>> source, Set<String> untranslatedForms) {
    List<String> problems = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    source.values().forEach(texts -> keys.addAll(texts.keySet()));
    for (String key : keys) {
      boolean formNotYetTranslated = key.startsWith("form.") && untranslatedForms.contains(key.split("\\.")[1]);
      String english = source.get(Language.EN).get(key);
      for (Language language : Language.values()) {
        String text = source.get(language).get(key);
        if (text == null) {
          if (!(formNotYetTranslated && language != Language.EN)) {
            problems.add(language.tag() + " lacks " + key);
          }
          continue;
        }
        if (english != null && !placeholders(text).equals(placeholders(english))) {
          problems.add(language.tag() + " " + key + ": placeholders " + placeholders(text) + " instead of "
              + placeholders(english));
        }
        if (language == Language.RO && CEDILLA.matcher(text).find()) {
          problems.add("ro " + key + ": ş/ţ with a cedilla (write ș/ț)");
        }
        if (language == Language.RU && !isCyrillic(text)) {
          problems.add("ru " + key + ": not in Cyrillic");
        }
      }
    }
    return problems;
  }

  private static List<String> placeholders(String text) {
    return PLACEHOLDERS.matcher(text).results().map(java.util.regex.MatchResult::group).sorted().toList();
  }

  /** Mostly Cyrillic letters; Latin only in names, codes and stored values quoted in the text. */
  private static boolean isCyrillic(String text) {
    String words = text.replaceAll("\\{\\{?[A-Za-z0-9]+}}?", "").replaceAll("NRS-[\\w-]+", "")
        .replaceAll("\\b(SOS|La Strada|Interaction|Veritas|CNFACEM|Resonance|NRS|e-mail|ro|ru|en|null)\\b", "")
        .replaceAll("[a-z]+(-[a-z]+)*(, [a-z]+(-[a-z]+)*)+", "").replaceAll("[a-z]+(-[a-z]+)+", "")
        // code quoted in the gate's messages is not a word to translate: camunda:formRef, now(), plus…(n), .bpmn, FEEL
        .replaceAll("[A-Za-z]+:[A-Za-z]+", "").replaceAll("[A-Za-z]+…?\\(n?\\)", "").replaceAll("[A-Za-z]+…", "")
        .replaceAll("\\.[a-z]+\\b", "").replaceAll("\\b[A-Z]{2,}\\b", "");
    long cyrillic = words.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
    long latin = words.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
    if (cyrillic == 0 && latin == 0) {
      return true; // only a name ("La Strada"), a code or a number
    }
    return cyrillic > 0 && latin == 0 || cyrillic > 4 * latin && cyrillic > 0;
  }

  private Map<Language, Map<String, String>> load() throws IOException {
    Map<Language, Map<String, String>> source = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      source.put(language, json.readValue(SOURCE.resolve(language.tag() + ".json").toFile(),
          new TypeReference<LinkedHashMap<String, String>>() { }));
    }
    return source;
  }

  private static Set<String> untranslatedForms() throws IOException {
    Set<String> forms = new TreeSet<>();
    for (String line : Files.readAllLines(SOURCE.resolve("untranslated-forms.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        forms.add(line.trim());
      }
    }
    return forms;
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }
}
