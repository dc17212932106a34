package md.nrs.referral.agencies;

/**
 * Asked before each delivery attempt: may this notification still go out? The person's consent may
 * have been withdrawn since it was written to the outbox (deliveries are retried for hours).
 */
public interface DeliveryConsent {

  boolean mayDeliver(String caseCode, String agencyId, String step);
}
