package md.nrs.referral.agencies.delivery;

/**
 * A delivery to an agency that did not succeed, whatever the channel. The message is a short reason
 * safe to store in the outbox and show in Cockpit (never a server's answer, never a secret).
 */
public class DeliveryFailed extends RuntimeException {

  public DeliveryFailed(String reason) {
    super(reason);
  }
}
