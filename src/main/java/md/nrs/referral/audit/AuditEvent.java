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
    action = cut(action, 40);
    caseCode = cut(caseCode, 32);
    subject = cut(subject, 200);
    outcome = cut(outcome, 20);
    clientAddress = cut(clientAddress, 64);
    detail = cut(detail, 500);
  }

  /** Shortened, and each control character (CR, LF, tab, escape…) a space: a user name cannot forge a line. */
  private static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
    value.codePoints().limit(max).forEach(c -> clean.appendCodePoint(Character.isISOControl(c)
        || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? ' ' : c));
    return clean.toString();
  }
}
