package md.nrs.referral.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.security.CachedBodyRequest;
import md.nrs.referral.security.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a shared filter's stored name in the words the translation source knows it by. Tasklist shows
 * filters translated ({@link EngineTextsFilter}), and its filter dialog sends back what it shows: an
 * administrator who saves "Мои задачи" from a Russian Tasklist would store the Russian name over "My tasks",
 * and every other language would then show Russian. On a filter's creation or change (both engine APIs), a
 * name, description or shown variable's label that is exactly a translation of a filter text is put back as
 * its English original; anything else (a real new name) is stored as sent.
 */
public class StoredFilterNamesFilter extends OncePerRequestFilter {

  private static final Pattern CREATE = Pattern.compile("^/filter/create$");
  private static final Pattern UPDATE = Pattern.compile("^/filter/[^/]+$");
  private static final int MAX_BODY = 256 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  /** A translated filter name or description → its English original. */
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> descriptions = new HashMap<>();
  /** Per variable name: a translated label → its English original. */
  private final Map<String, Map<String, String>> labels = new HashMap<>();

  public StoredFilterNamesFilter(Translations translations) {
    Map<String, String> english = translations.all(Language.FALLBACK);
    for (Language language : Language.values()) {
      if (language == Language.FALLBACK) {
        continue;
      }
      translations.all(language).forEach((key, text) -> {
        String original = english.get(key);
        if (original == null || !key.startsWith("filter.")) {
          return;
        }
        if (key.startsWith("filter.variable.")) {
          labels.computeIfAbsent(key.substring("filter.variable.".length()), v -> new HashMap<>()).put(text, original);
        } else if (key.endsWith(".name")) {
          names.put(text, original);
        } else if (key.endsWith(".description")) {
          descriptions.put(text, original);
        }
      });
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    boolean write = path != null && ("POST".equals(request.getMethod()) && CREATE.matcher(path).matches()
        || "PUT".equals(request.getMethod()) && UPDATE.matcher(path).matches() && !CREATE.matcher(path).matches());
    if (!write) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
    if (cached == null) {
      Problems.write(response, ProblemType.TOO_LARGE, "The request body is too large");
      return;
    }
    byte[] original = originalWords(cached.body());
    chain.doFilter(original == null ? cached : CachedBodyRequest.replacing(request, original), response);
  }

  /** The body with translated words put back; null when there is nothing to put back (or it is not JSON). */
  byte[] originalWords(byte[] body) {
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException notJson) {
      return null; // the engine refuses it
    }
    if (!(tree instanceof ObjectNode filter)) {
      return null;
    }
    boolean changed = putBack(filter, "name", names);
    if (filter.get("properties") instanceof ObjectNode properties) {
      changed |= putBack(properties, "description", descriptions);
      for (JsonNode variable : properties.path("variables")) {
        if (variable instanceof ObjectNode shown && shown.path("name").isTextual()) {
          changed |= putBack(shown, "label", labels.getOrDefault(shown.get("name").asText(), Map.of()));
        }
      }
    }
    try {
      return changed ? json.writeValueAsBytes(filter) : null;
    } catch (IOException cannotHappen) {
      return null;
    }
  }

  private static boolean putBack(ObjectNode object, String field, Map<String, String> originals) {
    String original = object.path(field).isTextual() ? originals.get(object.get(field).asText()) : null;
    if (original == null) {
      return false;
    }
    object.put(field, original);
    return true;
  }
}
