package md.nrs.referral.agencies.delivery;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotificationOutbox;
import md.nrs.referral.agencies.AgencyNotificationProcess;
import md.nrs.referral.casefile.PlatformStarts;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The outbox writer as it was before a notice with nothing to deliver was settled when written: every entry
 * PENDING with a delivery process of its own, the latest model looked up once per call. Kept only for the storm
 * benchmark's before/after in one JVM (as {@code TaskByTaskSweep} keeps the sweep as it was).
 */
public final class EveryNoticeItsOwnDelivery implements AgencyNotificationOutbox {

  private final OutboxRepository outbox;
  private final Validator validator;
  private final Clock clock;
  private final ProcessEngine engine;

  public EveryNoticeItsOwnDelivery(OutboxRepository outbox, Validator validator, Clock clock, ProcessEngine engine) {
    this.outbox = outbox;
    this.validator = validator;
    this.clock = clock;
    this.engine = engine;
  }

  @Override
  public String notify(AgencyNotification notification) {
    return notifyAll(List.of(notification)).get(0);
  }

  @Override
  public List<String> notifyAll(List<AgencyNotification> notifications) {
    if (notifications.isEmpty()) {
      return List.of();
    }
    notifications.forEach(n -> {
      if (!validator.validate(n).isEmpty()) {
        throw new IllegalArgumentException("Invalid agency notification");
      }
    });
    Instant now = clock.instant();
    List<OutboxEntry> entries = outbox.saveAll(notifications.stream().map(n -> OutboxEntry.pending(n, now)).toList());
    String delivery = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AgencyNotificationProcess.KEY).latestVersion().singleResult().getId();
    for (OutboxEntry entry : entries) {
      PlatformStarts.withBusinessKey(entry.getCaseCode(), () -> engine.getRuntimeService().startProcessInstanceById(delivery,
          entry.getCaseCode(), Map.of(AgencyNotificationProcess.NOTIFICATION_KEY.name(), entry.getNotificationKey(),
              AgencyNotificationProcess.AGENCY_ID.name(), entry.getAgencyId())));
    }
    return entries.stream().map(OutboxEntry::getNotificationKey).toList();
  }
}
