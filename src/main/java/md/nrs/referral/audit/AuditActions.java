package md.nrs.referral.audit;

/** The actions the audit trail records. */
public final class AuditActions {

  public static final String LOGIN = "LOGIN";
  public static final String LOGIN_FAILED = "LOGIN_FAILED";
  public static final String TASK_COMPLETED = "TASK_COMPLETED";
  public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";
  public static final String PERSONAL_DATA_WRITE = "PERSONAL_DATA_WRITE";
  public static final String PERSONAL_DATA_ANONYMISED = "PERSONAL_DATA_ANONYMISED";
  public static final String KEY_ROTATION = "KEY_ROTATION";
  public static final String CASE_VIEW = "CASE_VIEW";
  public static final String CONSENT_CHANGED = "CONSENT_CHANGED";
  public static final String NOTIFICATION_SENT = "NOTIFICATION";
  public static final String NOTIFICATION_REFUSED = "NOTIFICATION_REFUSED";
  public static final String EXPORT = "EXPORT";
  public static final String AUDIT_VERIFIED = "AUDIT_VERIFIED";
  /** A safety incident or an early shelter leave reported on a case (never its note). */
  public static final String INCIDENT_REPORTED = "INCIDENT_REPORTED";
  /** Two cases flagged as possibly the same person (case codes and what matched, never the values). */
  public static final String DUPLICATE_FLAGGED = "DUPLICATE_FLAGGED";
  /** A coordinator decided a possible duplicate: linked as the same person, or not the same. */
  public static final String DUPLICATE_DECIDED = "DUPLICATE_DECIDED";
  /** A proposal to end a case before its closure (reason only), accepted or refused. */
  public static final String EXIT_PROPOSED = "EXIT_PROPOSED";
  /** A failed job or external task (a delivery to an agency) set to be tried again; job id only. */
  public static final String JOB_RETRIED = "JOB_RETRIED";
  /** A request to transfer a case (or one service) to another team (reason code only), accepted or refused. */
  public static final String TRANSFER_REQUESTED = "TRANSFER_REQUESTED";
  /** The receiving team accepted a transfer: the case's open steps were handed over. */
  public static final String TRANSFER_ACCEPTED = "TRANSFER_ACCEPTED";
  /** A closed case reopened (reason code only): a new nrs-case instance with the same code. */
  public static final String CASE_REOPENED = "CASE_REOPENED";
  /** A dependant (child or family member) added to a case as a linked case of their own (relation only). */
  public static final String DEPENDANT_ADDED = "DEPENDANT_ADDED";

  private AuditActions() {
  }
}
