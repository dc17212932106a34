package md.nrs.referral.models;

import java.util.LinkedHashMap;
import java.util.Map;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.Translations;

/**
 * What is wrong with a model, as a {@link ProblemCode} and its arguments (texts, or another problem text
 * that fills a placeholder: why an expression is refused, where in the element). Worded in any language
 * from the translation source; English is the fallback and what logs and the start-up check say.
 */
public record ProblemText(ProblemCode code, Map<String, Object> arguments) {

  public ProblemText {
    arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /** The words in this language (English where the language lacks the key). */
  public String in(Translations translations, Language language) {
    Map<String, String> filled = new LinkedHashMap<>();
    arguments.forEach((name, value) -> filled.put(name,
        value instanceof ProblemText nested ? nested.in(translations, language) : String.valueOf(value)));
    return translations.message(language, code.key(), filled);
  }

  /** The English words, from the translation source. */
  public String english() {
    return in(English.SOURCE, Language.FALLBACK);
  }

  /** For programs: {"code": …, "arguments": {…}}, a nested text the same way. */
  public Map<String, Object> toMap() {
    Map<String, Object> values = new LinkedHashMap<>();
    arguments.forEach((name, value) -> values.put(name, value instanceof ProblemText nested ? nested.toMap() : value));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("code", code.code());
    map.put("arguments", values);
    return map;
  }

  @Override
  public String toString() {
    return english();
  }

  /** The translation source, read once, for the English words of start-up checks, logs and tests. */
  private static final class English {
    static final Translations SOURCE = new Translations();
  }
}
