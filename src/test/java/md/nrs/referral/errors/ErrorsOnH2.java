package md.nrs.referral.errors;

/** The one H2 database of the errors tests, so their classes share one running application. */
final class ErrorsOnH2 {

  static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:nrs-client-mistakes;DB_CLOSE_DELAY=-1";
  /** No job runs while the fuzz test counts rows: only requests may change them. */
  static final String NO_JOBS = "camunda.bpm.job-execution.enabled=false";

  private ErrorsOnH2() {
  }
}
