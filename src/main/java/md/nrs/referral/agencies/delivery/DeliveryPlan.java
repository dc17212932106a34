package md.nrs.referral.agencies.delivery;

/**
 * What becomes of a notification, by its agency's channel: the one answer given both when the outbox entry is
 * written ({@link OutboxAgencyNotifications}) and when it is delivered ({@link DeliverNotification}). Only a
 * notification sent now needs the delivery process (processes/agency-notification.bpmn: its job, retries and
 * incident, or the external task the agency's system fetches). One for an agency that works in Tasklist is sent
 * nothing, and one for a daily-digest agency waits for the digest: both are settled on the entry itself.
 */
enum DeliveryPlan {

  /** No channel (or a retired agency): the agency sees its work in Tasklist; the entry says it was not sent. */
  NOT_SENT,
  /** Pushed once a day with the agency's other notifications ({@link DailyDigests}). */
  DAILY_DIGEST,
  /** Pushed now by webhook or e-mail, retried on failure. */
  PUSHED,
  /** Fetched by the agency's own system as an external task. */
  FETCHED_BY_AGENCY_SYSTEM;

  static DeliveryPlan of(AgencyChannels.Channel channel) {
    if (channel.digested()) {
      return DAILY_DIGEST;
    }
    return switch (channel.type()) {
      case NONE -> NOT_SENT;
      case WEBHOOK, EMAIL -> PUSHED;
      case EXTERNAL_TASK -> FETCHED_BY_AGENCY_SYSTEM;
    };
  }

  static DeliveryPlan forAgency(AgencyChannels channels, String agencyId) {
    return of(channels.channelOf(agencyId).orElse(AgencyChannels.Channel.none()));
  }

  /** Whether it takes the delivery process; if not, {@link #settle} records all there is to do. */
  boolean needsDelivery() {
    return this == PUSHED || this == FETCHED_BY_AGENCY_SYSTEM;
  }

  /** Records on the entry the outcome of a plan that sends nothing now: not sent and why, or queued for the digest. */
  void settle(OutboxEntry entry) {
    switch (this) {
      case NOT_SENT -> entry.notSent(DeliverNotification.NO_CHANNEL);
      case DAILY_DIGEST -> entry.queueForDigest(); // the daily digest (processes/agency-digest.bpmn) sends it
      default -> throw new IllegalStateException(this + " is the delivery process's to do");
    }
  }
}
