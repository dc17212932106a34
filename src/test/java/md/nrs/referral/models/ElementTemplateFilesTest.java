package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The element templates Camunda Modeler loads from .camunda/element-templates: every file is a JSON array
 * of templates, each template is unique by id and version, says in plain words what it does, and leaves
 * no ${...} expression to be typed: every expression is a hidden, fixed value.
 */
class ElementTemplateFilesTest {

  private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  @Test
  void everyFileIsAJsonArrayOfTemplates() throws IOException {
    List<Path> files = ElementTemplates.files();
    assertThat(files).as("templates in " + ElementTemplates.FOLDER).isNotEmpty();
    for (Path file : files) {
      JsonNode parsed = new ObjectMapper().readTree(file.toFile());
      assertThat(parsed.isArray()).as(file + " is an array").isTrue();
      assertThat(parsed).as(file + " holds templates").isNotEmpty();
    }
  }

  @Test
  void templateIdsAndVersionsAreUniqueAndEveryOneNamesTheCamunda7Schema() {
    Set<String> seen = new HashSet<>();
    for (JsonNode template : ElementTemplates.all()) {
      String key = template.path("id").asText() + "@" + template.path("version").asInt();
      assertThat(seen.add(key)).as("duplicate template " + key).isTrue();
      assertThat(template.path("$schema").asText()).as(key).isEqualTo(SCHEMA);
      assertThat(template.path("version").isInt()).as(key + " has a version").isTrue();
      assertThat(template.path("id").asText()).as(key).startsWith("md.nrs.");
    }
    assertThat(seen).extracting(s -> s.substring(0, s.indexOf('@'))).contains("md.nrs.notify-agency", "md.nrs.agency-task",
        "md.nrs.consent-check", "md.nrs.call-sub-path", "md.nrs.with-consent", "md.nrs.without-consent");
  }

  @Test
  void everyTemplateAndEveryPropertyAUserSeesSaysInWordsWhatItIs() {
    for (JsonNode template : ElementTemplates.all()) {
      String id = template.path("id").asText();
      assertThat(template.path("name").asText()).as(id + " name").isNotBlank();
      assertThat(template.path("description").asText()).as(id + " description").hasSizeGreaterThan(40);
      assertThat(template.path("appliesTo")).as(id + " appliesTo").isNotEmpty();
      for (JsonNode property : template.path("properties")) {
        if (!"Hidden".equals(property.path("type").asText())) {
          assertThat(property.path("label").asText()).as(id + " property label").isNotBlank();
          assertThat(property.path("description").asText()).as(id + " " + property.path("label").asText()).isNotBlank();
        }
      }
    }
  }

  @Test
  void everyExpressionIsAHiddenFixedValueSoNoOneTypesIt() {
    List<String> typed = new ArrayList<>();
    for (JsonNode template : ElementTemplates.all()) {
      for (JsonNode property : template.path("properties")) {
        boolean expression = EXPRESSION.matcher(property.path("value").asText("")).find();
        property.path("choices").forEach(c -> {
          if (EXPRESSION.matcher(c.path("value").asText()).find()) {
            typed.add(template.path("id").asText() + ": choice " + c.path("value").asText());
          }
        });
        if (expression && !"Hidden".equals(property.path("type").asText())) {
          typed.add(template.path("id").asText() + ": " + property.path("label").asText());
        }
      }
    }
    assertThat(typed).isEmpty();
  }

  @Test
  void aDropdownOffersEachChoiceOnceAndItsDefaultIsOneOfThem() {
    for (JsonNode template : ElementTemplates.all()) {
      for (JsonNode property : template.path("properties")) {
        if (!"Dropdown".equals(property.path("type").asText())) {
          continue;
        }
        List<String> values = new ArrayList<>();
        property.path("choices").forEach(c -> values.add(c.path("value").asText()));
        assertThat(values).as(template.path("id").asText()).doesNotHaveDuplicates()
            .contains(property.path("value").asText());
      }
    }
  }
}
