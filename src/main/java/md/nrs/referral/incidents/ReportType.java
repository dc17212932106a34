package md.nrs.referral.incidents;

/** What can be reported on a case, and where each report goes in the models. */
enum ReportType {

  SAFETY_INCIDENT("safety-incident"),
  SHELTER_LEFT_EARLY("shelter-left-early"),
  /** Nobody on the case can reach the person: a safety incident of its own kind, reviewed like one. */
  PERSON_NOT_REACHABLE("person-not-reachable");

  private final String wireName;

  ReportType(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  /** Goes to the case process (urgent risk review), for anyone working the case; an early leave goes to the shelter stay. */
  boolean toTheCase() {
    return this != SHELTER_LEFT_EARLY;
  }
}
