package md.nrs.referral.i18n;

import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_TYPE;
import static md.nrs.referral.casepath.NrsCaseProcess.CASE_CODE;
import static md.nrs.referral.casepath.NrsCaseProcess.PATHWAY;
import static md.nrs.referral.casepath.NrsCaseProcess.PLANNED_SERVICES;
import static md.nrs.referral.casepath.NrsCaseProcess.SHELTER_NEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Earlier answers shown in a form's text as labels in the reader's language, from the translation source. */
class ReadableValuesTest {

  private final ReadableValues readable = new ReadableValues(new Translations());

  @Test
  void aChecklistKeptAsJsonTextReadsAsItsOptionLabels() {
    assertThat(readable.readable(PLANNED_SERVICES.name(), "[\"legal\",\"medical\"]", Language.EN))
        .contains("Legal assistance, Medical assistance");
    assertThat(readable.readable(PLANNED_SERVICES.name(), List.of("legal"), Language.RO)).contains("Asistență juridică");
  }

  @Test
  void aFlagReadsAsYesOrNoAndATriageCodeAsItsWords() {
    assertThat(readable.readable(SHELTER_NEEDED.name(), false, Language.RO)).contains("nu");
    assertThat(readable.readable(SHELTER_NEEDED.name(), true, Language.RU)).contains("да");
    assertThat(readable.readable(PATHWAY.name(), "domestic-violence", Language.EN)).contains("domestic violence");
  }

  @Test
  void aServiceTypeReadsAsThePlannedServiceItIs() {
    assertThat(readable.readable(SERVICE_TYPE.name(), "psychological", Language.EN)).contains("Psychological assistance");
  }

  @Test
  void aValueWithoutALabelStaysForTheFormToShow() {
    assertThat(readable.readable(CASE_CODE.name(), "NRS-2026-000001", Language.EN)).isEmpty();
    assertThat(readable.readable(PLANNED_SERVICES.name(), "[\"legal\",\"unheard-of\"]", Language.EN)).isEmpty();
  }

  @Test
  void aTextBlockGetsTheLabelsAndKeepsEveryOtherPlaceholder() throws Exception {
    JsonNode form = new ObjectMapper().readTree("{\"components\":[{\"type\":\"text\",\"text\":"
        + "\"Case **{{caseCode}}**: {{plannedServices}}; shelter: {{ shelterNeeded }}. {{aFreeText}}\"}]}");

    readable.fill(form, Map.of(CASE_CODE.name(), "NRS-2026-000001", PLANNED_SERVICES.name(), "[\"legal\"]",
        SHELTER_NEEDED.name(), false, "aFreeText", "free text"), Language.EN);

    assertThat(form.get("components").get(0).get("text").asText())
        .isEqualTo("Case **{{caseCode}}**: Legal assistance; shelter: no. {{aFreeText}}");
    assertThat(ReadableValues.placeholders(new ObjectMapper().readTree("{\"type\":\"default\",\"components\":[{\"type\":"
        + "\"text\",\"text\":\"{{a}} and {{b}}\"}]}"))).containsExactly("a", "b");
  }

  /**
   * A code a model hands to a called process ({@code <camunda:in sourceExpression="return" target="bidSubject"/>})
   * and a form then quotes ({@code {{bidSubject}}}) is read in words in every language, never as the code.
   */
  @Test
  void everyCodeAModelPassesOnThatAFormQuotesReadsAsWordsInEveryLanguage() throws java.io.IOException {
    java.util.Set<String> quoted = new java.util.TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try (var forms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      for (var form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        quoted.addAll(ReadableValues.placeholders(json.readTree(form.toFile())));
      }
    }
    var constant = java.util.regex.Pattern.compile("<camunda:in sourceExpression=\"([a-z][a-z-]*)\" target=\"([A-Za-z]+)\"");
    List<String> unreadable = new java.util.ArrayList<>();
    int checked = 0;
    try (var models = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
      for (var model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        var passed = constant.matcher(java.nio.file.Files.readString(model));
        while (passed.find()) {
          if (!quoted.contains(passed.group(2))) {
            continue;
          }
          checked++;
          for (Language language : Language.values()) {
            if (readable.readable(passed.group(2), passed.group(1), language).isEmpty()) {
              unreadable.add(model.getFileName() + ": " + passed.group(2) + "=" + passed.group(1) + " in " + language.tag());
            }
          }
        }
      }
    }
    assertThat(checked).as("codes passed on and quoted (best interests: return, closure)").isGreaterThanOrEqualTo(2);
    assertThat(unreadable).isEmpty();
  }
}
