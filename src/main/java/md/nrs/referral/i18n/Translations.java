package md.nrs.referral.i18n;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The platform's words in every {@link Language}, from one source per language next to the models
 * (forms/i18n/en.json, ro.json, ru.json): form texts, task, process and filter names, validation and
 * server messages, notification texts and the words of the form library. English is the fallback.
 * Placeholders are written {name}.
 */
@Component
public class Translations {

  public static final String SOURCE = "forms/i18n/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private final Map<Language, Map<String, String>> texts;
  /** Validation messages are written in English in the form contracts; their key by that English text. */
  private final Map<String, String> validationKeyOfEnglish;

  public Translations() {
    this(load());
  }

  public Translations(Map<Language, Map<String, String>> texts) {
    this.texts = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      this.texts.put(language, Collections.unmodifiableMap(texts.getOrDefault(language, Map.of())));
    }
    Map<String, String> byEnglish = new HashMap<>();
    this.texts.get(Language.EN).forEach((key, english) -> {
      if (key.startsWith("validation.")) {
        byEnglish.put(english, key);
      }
    });
    this.validationKeyOfEnglish = Map.copyOf(byEnglish);
  }

  /** The text in this language, else in English. */
  public Optional<String> find(Language language, String key) {
    String text = texts.get(language).get(key);
    return Optional.ofNullable(text != null ? text : texts.get(Language.FALLBACK).get(key));
  }

  /** The text in this language, else in English, else {@code otherwise}. */
  public String text(Language language, String key, String otherwise) {
    return find(language, key).orElse(otherwise);
  }

  /** The message with its placeholders filled in; the key itself when no language has it. */
  public String message(Language language, String key, Map<String, ?> arguments) {
    return fill(text(language, key, key), arguments);
  }

  /** A validation message written in English in a form contract, in this language (as it is when unknown). */
  public String validation(Language language, String english) {
    String key = validationKeyOfEnglish.get(english);
    return key == null ? english : text(language, key, english);
  }

  /** Every text of one language by key, as in its file. */
  public Map<String, String> all(Language language) {
    return texts.get(language);
  }

  static String fill(String text, Map<String, ?> arguments) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      Object value = arguments.get(matcher.group(1));
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : String.valueOf(value)));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** The placeholders of a text ("{days}"), in order. */
  public static java.util.List<String> placeholders(String text) {
    return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).toList();
  }

  private static Map<Language, Map<String, String>> load() {
    ObjectMapper json = new ObjectMapper();
    Map<Language, Map<String, String>> loaded = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String path = SOURCE + language.tag() + ".json";
      try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("The translation source " + path + " is not on the class path");
        }
        loaded.put(language, json.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { }));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path, e);
      }
    }
    return loaded;
  }
}
