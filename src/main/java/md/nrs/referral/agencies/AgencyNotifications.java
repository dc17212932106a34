package md.nrs.referral.agencies;

/**
 * The one port through which the case path tells agencies what they must do. The implementation
 * writes to the transactional outbox; delivery (webhook, e-mail, external task) happens from there.
 */
public interface AgencyNotifications {

  /** Records the notification in the caller's transaction; returns its idempotency key. */
  String notify(AgencyNotification notification);
}
