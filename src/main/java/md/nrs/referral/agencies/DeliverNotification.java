package md.nrs.referral.agencies;

import java.time.Clock;
import md.nrs.referral.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one outbox entry through its agency's channel. A failure is recorded (attempts, reason) in
 * a transaction of its own, because the job's own transaction is rolled back for the engine to retry;
 * then it is thrown, so the engine retries on the model's schedule and finally raises an incident.
 */
@Component("deliverNotification")
public class DeliverNotification implements JavaDelegate {

  public static final ProcessVariable<String> NOTIFICATION_KEY = ProcessVariable.text("notificationKey");

  private final OutboxRepository outbox;
  private final AgencyChannels channels;
  private final WebhookSender webhooks;
  private final EmailSender emails;
  private final TransactionTemplate separately;
  private final Clock clock;

  public DeliverNotification(OutboxRepository outbox, AgencyChannels channels, WebhookSender webhooks,
      EmailSender emails, PlatformTransactionManager transactions, Clock clock) {
    this.outbox = outbox;
    this.channels = channels;
    this.webhooks = webhooks;
    this.emails = emails;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = NOTIFICATION_KEY.get(execution);
    OutboxEntry entry = outbox.findByNotificationKey(key)
        .orElseThrow(() -> new IllegalStateException("No outbox entry " + key));
    if (entry.getStatus() == OutboxEntry.Status.DELIVERED) {
      return; // delivered before a crash lost the job's commit: at-least-once, not twice on purpose
    }
    AgencyChannels.Channel channel = channels.channelOf(entry.getAgencyId())
        .orElse(new AgencyChannels.Channel(AgencyChannels.Channel.Type.NONE, null, null, null, null));
    switch (channel.type()) {
      case NONE -> entry.notSent();
      case WEBHOOK -> {
        try {
          webhooks.send(entry, channel.webhookUrl(), channel.webhookSecret());
          entry.delivered("webhook", clock.instant());
        } catch (DeliveryFailed failure) {
          recordFailure(key, "webhook", failure.getMessage());
          throw failure;
        }
      }
      case EMAIL -> {
        try {
          emails.send(entry, channel.email());
          entry.delivered("email", clock.instant());
        } catch (DeliveryFailed failure) {
          recordFailure(key, "email", failure.getMessage());
          throw failure;
        }
      }
      default -> {
        // external-task delivery is not built yet: say so loudly (an incident), never drop it
        String reason = "channel " + channel.type() + " is not delivered by the platform yet";
        recordFailure(key, channel.type().name().toLowerCase(java.util.Locale.ROOT), reason);
        throw new DeliveryFailed(reason);
      }
    }
    outbox.save(entry);
  }

  private void recordFailure(String key, String channel, String reason) {
    separately.executeWithoutResult(status -> outbox.findByNotificationKey(key).ifPresent(e -> {
      e.failed(channel, reason);
      outbox.save(e);
    }));
  }
}
