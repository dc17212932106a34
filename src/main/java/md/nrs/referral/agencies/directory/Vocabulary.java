package md.nrs.referral.agencies.directory;

import java.util.Collection;
import java.util.List;

/**
 * The fixed lists of the agency directory. The migration V3__agency_directory.sql checks the same values,
 * so a new term needs a migration too.
 */
public enum Vocabulary {
  KIND("agency", "team"),
  CHANNEL("none", "webhook", "email", "external-task"),
  REGION("chisinau", "balti", "cahul", "comrat", "transnistria", "north", "centre", "south", "abroad", "national"),
  SERVICE_TYPE("legal", "medical", "psychological", "social", "shelter", "repatriation", "identification", "education",
      "vocational-training", "employment", "family-community", "hotline");

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
