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
}
