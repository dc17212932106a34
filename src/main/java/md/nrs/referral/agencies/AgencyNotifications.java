package md.nrs.referral.agencies;

/**
 * The one port through which the case path tells agencies what they must do. The implementation
 * writes to the transactional outbox; delivery (webhook, e-mail, external task) happens from there.
 */
public interface AgencyNotifications {

  /** Records the notification in the caller's transaction; returns its idempotency key. */
  String notify(AgencyNotification notification);

  /**
   * Several notifications, each exactly as {@link #notify} would record it (same checks, same outbox, same
   * delivery), in the caller's transaction; returns their keys in the same order (null for one not written). An
   * implementation may do the work of the whole list at once (a page of the SLA sweep's notices).
   */
  default java.util.List<String> notifyAll(java.util.List<AgencyNotification> notifications) {
    return notifications.stream().map(this::notify).toList();
  }
}
