package md.nrs.referral.agencies.directory;

import java.util.Collection;
import java.util.List;

/**
 * The fixed lists of the agency directory. The migrations (V3__agency_directory.sql, V13__agency_directory_districts.sql)
 * check the same values, so a new term needs a migration too.
 */
public enum Vocabulary {
  KIND("agency", "team"),
  CHANNEL("none", "webhook", "email", "external-task"),
  REGION("chisinau", "balti", "cahul", "comrat", "transnistria", "north", "centre", "south", "abroad", "national"),
  /** The territorial terms of {@link #REGION}: where a team works (never abroad or national). */
  DISTRICT("chisinau", "balti", "cahul", "comrat", "transnistria", "north", "centre", "south"),
  SERVICE_TYPE("legal", "medical", "psychological", "social", "shelter", "repatriation", "identification", "education",
      "vocational-training", "employment", "family-community", "hotline", "guardianship"),
  /** The language of the agency's notifications (tags of i18n's Language). */
  LANGUAGE("ro", "ru", "en"),
  /** Told of each new task at once, or of all of a day's in one message. */
  NOTIFY("per-task", "daily-digest"),
  /** The consent a partner needs beyond consent to share with it (ConsentRegistry's purposes). */
  CONSENT_PURPOSE("partner-abroad", "law-enforcement");

  private final List<String> terms;

  Vocabulary(String... terms) {
    this.terms = List.of(terms);
  }

  public List<String> terms() {
    return terms;
  }

  public boolean contains(String term) {
    return terms.contains(term);
  }

  /** The given terms in the order of this list (stable answers, whatever order they were stored in). */
  public List<String> inOrder(Collection<String> given) {
    return terms.stream().filter(given::contains).toList();
  }
}
