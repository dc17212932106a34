package md.nrs.referral.incidents;

/** What can be reported on a case, and where each report goes in the models. */
enum ReportType {

  SAFETY_INCIDENT("safety-incident"),
  SHELTER_LEFT_EARLY("shelter-left-early");

  private final String wireName;

  ReportType(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
