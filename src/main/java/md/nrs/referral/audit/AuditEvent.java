package md.nrs.referral.audit;

/**
 * What happened, to be appended to the audit trail: who (user id), what (action, case code, subject
 * such as a task id or a path), the outcome, from where (client address) and a short detail. Never
 * personal data: names, contacts or documents do not go into any of these fields.
 */
public record AuditEvent(String actor, String action, String caseCode, String subject, String outcome,
    String clientAddress, String detail) {

  public static final String OK = "OK";
  public static final String REFUSED = "REFUSED";
  public static final String FAILED = "FAILED";

  public AuditEvent {
    actor = cut(actor, 64);
    subject = cut(subject, 200);
    clientAddress = cut(clientAddress, 64);
    detail = cut(detail, 500);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
