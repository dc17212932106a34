package md.nrs.referral.agencies;

/**
 * The outbox itself, without any check: only the consent check in front of it (the primary
 * {@link AgencyNotifications}) writes here; everyone else goes through that.
 */
public interface AgencyNotificationOutbox extends AgencyNotifications {
}
