package md.nrs.referral.agencies.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import md.nrs.referral.agencies.DeliveryConsent;
import md.nrs.referral.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each agency that chose a daily digest one message (e-mail or one signed webhook call) with every
 * notification queued for it since its last digest, in its language. Each agency in a transaction of its
 * own: one agency's server being down neither holds back nor repeats another's digest. Its entries then stay
 * queued with the reason, and the run fails once all are tried, so the engine retries it (only the agencies
 * still waiting are sent to). Consent is checked again per entry, as for every delivery.
 */
@Component
public class DailyDigests {

  private static final Logger LOG = LoggerFactory.getLogger(DailyDigests.class);

  private final OutboxRepository outbox;
  private final AgencyChannels channels;
  private final EmailSender emails;
  private final WebhookSender webhooks;
  private final ObjectProvider<DeliveryConsent> consent;
  private final TransactionTemplate separately;
  private final Clock clock;

  public DailyDigests(OutboxRepository outbox, AgencyChannels channels, EmailSender emails, WebhookSender webhooks,
      ObjectProvider<DeliveryConsent> consent, PlatformTransactionManager transactions, Clock clock) {
    this.outbox = outbox;
    this.channels = channels;
    this.emails = emails;
    this.webhooks = webhooks;
    this.consent = consent;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Sends every waiting digest; the number of digests sent. Throws after trying all if any failed. */
  public int sendAll() {
    int sent = 0;
    List<String> failed = new ArrayList<>();
    for (String agencyId : outbox.agenciesWithEntriesIn(OutboxEntry.Status.QUEUED)) {
      Boolean ok = separately.execute(status -> sendTo(agencyId));
      if (Boolean.TRUE.equals(ok)) {
        sent++;
      } else if (ok == null) {
        failed.add(agencyId);
      }
    }
    if (!failed.isEmpty()) {
      throw new DeliveryFailed("daily digest not delivered to " + String.join(", ", failed));
    }
    return sent;
  }

  /** True: sent; false: nothing left to send; null: the agency's system refused or could not be reached. */
  private Boolean sendTo(String agencyId) {
    List<OutboxEntry> queued = outbox.findByAgencyIdAndStatusOrderByIdAsc(agencyId, OutboxEntry.Status.QUEUED);
    AgencyChannels.Channel channel = channels.channelOf(agencyId).orElse(AgencyChannels.Channel.none());
    DeliveryConsent check = consent.getIfAvailable();
    List<OutboxEntry> entries = new ArrayList<>();
    for (OutboxEntry entry : queued) {
      boolean pushed = channel.type() == AgencyChannels.Channel.Type.EMAIL || channel.type() == AgencyChannels.Channel.Type.WEBHOOK;
      if (!pushed) {
        entry.notSent(DeliverNotification.NO_CHANNEL); // the agency was retired or left the pushed channels meanwhile
      } else if (check != null && !check.mayDeliver(entry.getCaseCode(), entry.getAgencyId(), entry.getStep())) {
        entry.notSent(DeliverNotification.REFUSED_AT_DELIVERY); // consent was withdrawn meanwhile
      } else {
        entries.add(entry);
      }
    }
    if (entries.isEmpty()) {
      return false;
    }
    String digestKey = UUID.randomUUID().toString();
    Language language = NotificationTexts.language(channel.language());
    String channelName = channel.type() == AgencyChannels.Channel.Type.EMAIL ? "email-digest" : "webhook-digest";
    try {
      if (channel.type() == AgencyChannels.Channel.Type.EMAIL) {
        emails.sendDigest(entries, digestKey, channel.email(), language);
      } else {
        webhooks.sendDigest(entries, digestKey, channel.webhookUrl(), channel.webhookSecret(), language);
      }
    } catch (DeliveryFailed failure) {
      entries.forEach(entry -> entry.digestFailed(channelName, failure.getMessage()));
      LOG.warn("Daily digest to {} ({} notifications) not delivered: {}", agencyId, entries.size(), failure.getMessage());
      return null;
    }
    entries.forEach(entry -> entry.deliveredInDigest(channelName, digestKey, clock.instant()));
    return true;
  }
}
