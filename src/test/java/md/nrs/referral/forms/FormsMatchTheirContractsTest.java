package md.nrs.referral.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forms in forms/ and their Java contracts say the same thing: every field key of a form is a
 * field of its contract and the other way round, every select/radio/checklist offers exactly the
 * contract's choices, and every form has a contract. A form edited in the Modeler without its contract
 * (or the other way round) fails here, not in front of a caseworker.
 */
class FormsMatchTheirContractsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonNode> FORMS = new HashMap<>();
  private static final FormCatalog CATALOG = new FormCatalog();

  @BeforeAll
  static void readForms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        FORMS.put(form.get("id").asText(), form);
        assertThat(file.getFileName().toString()).as("file name of form " + form.get("id")).isEqualTo(form.get("id").asText() + ".form");
      }
    }
  }

  @Test
  void everyFormHasAContractAndEveryContractAForm() {
    assertThat(CATALOG.all().keySet()).containsExactlyInAnyOrderElementsOf(FORMS.keySet());
  }

  @Test
  void everyFieldOfEveryFormIsAFieldOfItsContractAndTheOtherWayRound() {
    FORMS.forEach((id, form) -> {
      Set<String> formKeys = new HashSet<>();
      fields(form.get("components"), (key, component) -> formKeys.add(key));
      Set<String> contractKeys = new HashSet<>();
      for (RecordComponent component : CATALOG.contractFor(id).orElseThrow().getRecordComponents()) {
        contractKeys.add(component.getName());
      }
      assertThat(formKeys).as("fields of form " + id).containsExactlyInAnyOrderElementsOf(contractKeys);
    });
  }

  @Test
  void everyChoiceAFormOffersIsAChoiceItsContractAccepts() {
    FormValidator validator = new FormValidator(jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());
    FORMS.forEach((id, form) -> fields(form.get("components"), (key, component) -> {
      if (!component.has("values")) {
        return;
      }
      for (JsonNode option : component.get("values")) {
        Object value = "checklist".equals(component.get("type").asText())
            ? java.util.List.of(option.get("value").asText()) : option.get("value").asText();
        var errors = validator.validate(CATALOG.contractFor(id).orElseThrow(), Map.of(key, value), false);
        assertThat(errors).as(id + "." + key + " = " + option.get("value")).noneMatch(e -> e.field().startsWith(key));
      }
    }));
  }

  private static void fields(JsonNode components, java.util.function.BiConsumer<String, JsonNode> each) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        each.accept(component.get("key").asText(), component);
      }
      if (component.has("components")) {
        fields(component.get("components"), each);
      }
    }
  }
}
