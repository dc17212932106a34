package md.nrs.referral.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the platform speaks: Romanian and Russian for caseworkers in Moldova, English as the fallback. */
public enum Language {
  EN, RO, RU;

  public static final Language FALLBACK = EN;

  /** The language tag ("ro"). */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language of a tag such as "ru", "ro-MD" or "RU"; empty for any other. */
  public static Optional<Language> of(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.tag().equals(primary)) {
        return Optional.of(language);
      }
    }
    // "mo" (Moldavian) is an old tag for Romanian
    return "mo".equals(primary) ? Optional.of(RO) : Optional.empty();
  }

  /** The first language of an Accept-Language header the platform speaks, by the caller's weights. */
  public static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header.length() > 500 ? header.substring(0, 500) : header);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() > 0) {
        Optional<Language> language = of(range.getRange());
        if (language.isPresent()) {
          return language;
        }
      }
    }
    return Optional.empty();
  }
}
