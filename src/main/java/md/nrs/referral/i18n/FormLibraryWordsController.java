package md.nrs.referral.i18n;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The words of the form library (form-js) in one language, for Tasklist's language script: "Select",
 * "Field is required.", the date picker's months and weekdays. Public like Tasklist's own locale files:
 * nothing in them is about a person or a case.
 */
@RestController
public class FormLibraryWordsController {

  private static final String PREFIX = "formjs.";

  private final Translations translations;

  public FormLibraryWordsController(Translations translations) {
    this.translations = translations;
  }

  @GetMapping("/nrs/i18n/{language}/formjs")
  ResponseEntity<Map<String, String>> words(@PathVariable String language) {
    return Language.of(language).filter(l -> l.tag().equals(language)).map(l -> {
      Map<String, String> words = new TreeMap<>();
      translations.all(Language.FALLBACK).keySet().stream().filter(key -> key.startsWith(PREFIX))
          .forEach(key -> words.put(key.substring(PREFIX.length()), translations.text(l, key, key)));
      return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(words);
    }).orElseGet(() -> ResponseEntity.notFound().build());
  }
}
