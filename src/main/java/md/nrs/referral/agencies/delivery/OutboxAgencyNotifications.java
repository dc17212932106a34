package md.nrs.referral.agencies.delivery;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotificationOutbox;
import md.nrs.referral.agencies.AgencyNotificationProcess;
import md.nrs.referral.agencies.NotifiedAgencies;
import md.nrs.referral.casefile.PlatformStarts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes agency notifications to the outbox, inside the transaction of the engine step that raises them, and starts
 * the delivery (processes/agency-notification.bpmn) of those that are sent now in that same transaction: a
 * notification and its delivery job exist together or not at all, and survive a restart. One for an agency that
 * works in Tasklist, or that is told in a daily digest, is written already settled ({@link DeliveryPlan}): not sent
 * and why, or queued for the digest; no process, job or history for it.
 *
 * <p>Consent: only the consent check in front of the outbox writes here, in this transaction, a moment before; the
 * check again at each delivery attempt exists for what leaves the platform later, after retries for hours. A
 * notice not sent leaves nothing to stop, and the daily digest checks each queued notice again when it sends.
 */
@Component
public class OutboxAgencyNotifications implements AgencyNotificationOutbox, NotifiedAgencies {

  public static final String DELIVERY_PROCESS = AgencyNotificationProcess.KEY;

  private final OutboxRepository outbox;
  private final AgencyChannels channels;
  private final Validator validator;
  private final Clock clock;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<RepositoryService> repository;

  public OutboxAgencyNotifications(OutboxRepository outbox, AgencyChannels channels, Validator validator, Clock clock,
      ObjectProvider<RuntimeService> runtime, ObjectProvider<RepositoryService> repository) {
    this.outbox = outbox;
    this.channels = channels;
    this.validator = validator;
    this.clock = clock;
    this.runtime = runtime;
    this.repository = repository;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public String notify(AgencyNotification notification) {
    return notifyAll(List.of(notification)).get(0);
  }

  /**
   * As {@link #notify} for each (every one checked before any is written), with the outbox rows saved together, each
   * agency's channel looked up once, and a delivery process started in this transaction for each one sent now.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public List<String> notifyAll(List<AgencyNotification> notifications) {
    if (notifications.isEmpty()) {
      return List.of();
    }
    notifications.forEach(this::validate);
    Instant now = clock.instant();
    Map<String, DeliveryPlan> plans = new HashMap<>();
    List<OutboxEntry> entries = new ArrayList<>(notifications.size());
    List<OutboxEntry> toDeliver = new ArrayList<>();
    for (AgencyNotification notification : notifications) {
      OutboxEntry entry = OutboxEntry.pending(notification, now);
      DeliveryPlan plan = plans.computeIfAbsent(notification.agencyId(), agency -> DeliveryPlan.forAgency(channels, agency));
      if (plan.needsDelivery()) {
        toDeliver.add(entry);
      } else {
        plan.settle(entry);
      }
      entries.add(entry);
    }
    outbox.saveAll(entries);
    if (!toDeliver.isEmpty()) {
      RuntimeService engine = runtime.getObject();
      // the latest version, asked of the database as a start by key asks it (a version another node of a cluster
      // deployed is used at once); for a page of deliveries, asked once
      String delivery = toDeliver.size() == 1 ? null : repository.getObject().createProcessDefinitionQuery()
          .processDefinitionKey(DELIVERY_PROCESS).latestVersion().singleResult().getId();
      for (OutboxEntry entry : toDeliver) {
        Map<String, Object> variables = Map.of(AgencyNotificationProcess.NOTIFICATION_KEY.name(), entry.getNotificationKey(),
            AgencyNotificationProcess.AGENCY_ID.name(), entry.getAgencyId());
        PlatformStarts.withBusinessKey(entry.getCaseCode(), () -> delivery == null
            ? engine.startProcessInstanceByKey(DELIVERY_PROCESS, entry.getCaseCode(), variables)
            : engine.startProcessInstanceById(delivery, entry.getCaseCode(), variables));
      }
    }
    return entries.stream().map(OutboxEntry::getNotificationKey).toList();
  }

  private void validate(AgencyNotification notification) {
    Set<ConstraintViolation<AgencyNotification>> violations = validator.validate(notification);
    if (!violations.isEmpty()) {
      // Name the fields, never the values: a mistyped field may hold a person's name.
      String fields = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
          .collect(java.util.stream.Collectors.joining("; "));
      throw new ConstraintViolationException("Invalid agency notification: " + fields, violations);
    }
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.List<String> about(String caseCode) {
    return outbox.findByCaseCodeOrderByIdAsc(caseCode).stream().map(OutboxEntry::getAgencyId).distinct().toList();
  }
}
