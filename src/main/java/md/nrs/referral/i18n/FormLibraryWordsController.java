package md.nrs.referral.i18n;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Words in one language for Tasklist's scripts: the form library's (form-js: "Select", "Field is required.",
 * the date picker's months and weekdays; {@code formjs}) and the platform's own additions to Tasklist (the
 * language menu, a refused form's summary, why a button is disabled, the question before a filled form is
 * closed, the page of a task that is not the user's, role names; {@code tasklist}) and the case page
 * ({@code casepage}: static/nrs/case.html). Public like Tasklist's own locale files: nothing in them is about a
 * person or a case.
 */
@RestController
public class FormLibraryWordsController {

  private static final Set<String> PARTS = Set.of("formjs", "tasklist", "casepage");

  private final Translations translations;

  public FormLibraryWordsController(Translations translations) {
    this.translations = translations;
  }

  @GetMapping("/nrs/i18n/{language}/{part}")
  ResponseEntity<Map<String, String>> words(@PathVariable String language, @PathVariable String part) {
    if (!PARTS.contains(part)) {
      return ResponseEntity.notFound().build();
    }
    String prefix = part + ".";
    return Language.of(language).filter(l -> l.tag().equals(language)).map(l -> {
      Map<String, String> words = new TreeMap<>();
      translations.all(Language.FALLBACK).keySet().stream().filter(key -> key.startsWith(prefix))
          .forEach(key -> words.put(key.substring(prefix.length()), translations.text(l, key, key)));
      return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(words);
    }).orElseGet(() -> ResponseEntity.notFound().build());
  }
}
