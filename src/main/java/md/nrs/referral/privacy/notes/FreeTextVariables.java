package md.nrs.referral.privacy.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import md.nrs.referral.engine.CaseVariables;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process variables a person types freely: every text field and text area of the Camunda forms
 * ({@code forms/*.form}). Notes on a case ("what the risk is", "why the provider cannot take it") are for the
 * agencies on the case; the rest of the variables are choices, dates and codes (the case code too, though some
 * forms ask for it in a text box).
 */
public final class FreeTextVariables {

  private static final Set<String> TEXT_COMPONENTS = Set.of("textfield", "textarea");
  /**
   * Typed into a text box on some forms, but codes the platform owns, not notes: the case code names the case
   * (the business key, set only by the platform and checked against it when typed), and everyone on a case and
   * every coordinator needs it to know which case a step is about.
   */
  static final Set<String> PLATFORM_CODES = Set.of(CaseVariables.CASE_CODE.name());

  private FreeTextVariables() {
  }

  /** The keys of every free-text component of the deployed forms on the class path. */
  public static Set<String> fromForms() {
    Set<String> names = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in).path("components"), names);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The forms could not be read for their free-text fields", e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No forms/*.form on the class path: free-text variables unknown");
    }
    return Set.copyOf(names);
  }

  private static void collect(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      if (TEXT_COMPONENTS.contains(component.path("type").asText()) && component.hasNonNull("key")
          && !PLATFORM_CODES.contains(component.get("key").asText())) {
        names.add(component.get("key").asText());
      }
      collect(component.path("components"), names);
    }
  }
}
