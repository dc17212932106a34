package md.nrs.referral.agencies.delivery;

import static md.nrs.referral.agencies.AgencyNotificationProcess.NOTIFICATION_KEY;
import static md.nrs.referral.agencies.AgencyNotificationProcess.FETCHED_BY_AGENCY_SYSTEM;
import static md.nrs.referral.agencies.AgencyNotificationProcess.EXTERNAL_TASK_TOPIC;
import static md.nrs.referral.agencies.AgencyNotificationProcess.STEP;
import md.nrs.referral.agencies.DeliveryConsent;
import java.time.Clock;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.identity.Grants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one outbox entry through its agency's channel, in the agency's language; an agency told once a day
 * gets it queued for its daily digest instead ({@link DailyDigests}), one without a channel nothing: both as
 * {@link DeliveryPlan} says, which the outbox writer already applies when it writes such entries. A failure is
 * recorded (attempts, reason) in a transaction of its own, because the job's own transaction is rolled back for
 * the engine to retry; then it is thrown, so the engine retries on the model's schedule and finally raises an
 * incident.
 */
@Component("deliverNotification")
public class DeliverNotification implements JavaDelegate {

  /** Why an entry was not sent, kept as its last error. */
  public static final String NO_CHANNEL = "no channel: the agency works in Tasklist";
  public static final String REFUSED_AT_DELIVERY = "refused at delivery by the consent check (audited NOTIFICATION_REFUSED)";

  private final OutboxRepository outbox;
  private final AgencyChannels channels;
  private final WebhookSender webhooks;
  private final EmailSender emails;
  private final TransactionTemplate separately;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<DeliveryConsent> consent;

  public DeliverNotification(OutboxRepository outbox, AgencyChannels channels, WebhookSender webhooks,
      EmailSender emails, PlatformTransactionManager transactions, Clock clock,
      org.springframework.beans.factory.ObjectProvider<DeliveryConsent> consent) {
    this.consent = consent;
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
    FETCHED_BY_AGENCY_SYSTEM.set(execution, false);
    if (entry.getStatus() == OutboxEntry.Status.DELIVERED) {
      return; // delivered before a crash lost the job's commit: at-least-once, not twice on purpose
    }
    DeliveryConsent check = consent.getIfAvailable();
    if (check != null && !check.mayDeliver(entry.getCaseCode(), entry.getAgencyId(), entry.getStep())) {
      // consent withdrawn, or recorded without this agency, since it was written; the refusal is in the audit trail
      entry.notSent(REFUSED_AT_DELIVERY);
      outbox.save(entry);
      return;
    }
    AgencyChannels.Channel channel = channels.channelOf(entry.getAgencyId()).orElse(AgencyChannels.Channel.none());
    DeliveryPlan plan = DeliveryPlan.of(channel);
    if (!plan.needsDelivery()) {
      // Usually settled when written; here for an entry written before, or an agency whose channel changed since.
      plan.settle(entry);
      outbox.save(entry);
      return;
    }
    Language language = NotificationTexts.language(channel.language());
    switch (channel.type()) {
      case WEBHOOK -> {
        try {
          webhooks.send(entry, channel.webhookUrl(), channel.webhookSecret(), language);
          entry.delivered("webhook", clock.instant());
        } catch (DeliveryFailed failure) {
          recordFailure(key, "webhook", failure.getMessage());
          throw failure;
        }
      }
      case EMAIL -> {
        try {
          emails.send(entry, channel.email(), language);
          entry.delivered("email", clock.instant());
        } catch (DeliveryFailed failure) {
          recordFailure(key, "email", failure.getMessage());
          throw failure;
        }
      }
      case EXTERNAL_TASK -> {
        // The agency's own system fetches it from its topic; only that agency may see this instance.
        FETCHED_BY_AGENCY_SYSTEM.set(execution, true);
        EXTERNAL_TASK_TOPIC.set(execution, channel.externalTaskTopic());
        STEP.set(execution, entry.getStep());
        new Grants(execution.getProcessEngineServices().getAuthorizationService()).toGroup(entry.getAgencyId(),
            Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ, Permissions.UPDATE);
        return; // delivered when the agency's system completes the external task
      }
      case NONE -> throw new IllegalStateException("settled above: " + plan);
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
