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
 * Writes agency notifications to the outbox, inside the transaction of the engine step that raises
 * them, and starts their delivery (processes/agency-notification.bpmn) in that same transaction: a
 * notification and its delivery job exist together or not at all, and survive a restart.
 */
@Component
public class OutboxAgencyNotifications implements AgencyNotificationOutbox, NotifiedAgencies {

  public static final String DELIVERY_PROCESS = AgencyNotificationProcess.KEY;

  private final OutboxRepository outbox;
  private final Validator validator;
  private final Clock clock;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<RepositoryService> repository;

  public OutboxAgencyNotifications(OutboxRepository outbox, Validator validator, Clock clock,
      ObjectProvider<RuntimeService> runtime, ObjectProvider<RepositoryService> repository) {
    this.outbox = outbox;
    this.repository = repository;
    this.validator = validator;
    this.clock = clock;
    this.runtime = runtime;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public String notify(AgencyNotification notification) {
    validate(notification);
    String key = outbox.save(OutboxEntry.pending(notification, clock.instant())).getNotificationKey();
    PlatformStarts.withBusinessKey(notification.caseCode(), () -> runtime.getObject().startProcessInstanceByKey(
        DELIVERY_PROCESS, notification.caseCode(),
        Map.of(AgencyNotificationProcess.NOTIFICATION_KEY.name(), key, AgencyNotificationProcess.AGENCY_ID.name(), notification.agencyId())));
    return key;
  }

  /**
   * As {@link #notify} for each (every one checked before any is written; a delivery process each, started in this
   * transaction), with the outbox rows saved together and the delivery model looked up once for the whole list.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public List<String> notifyAll(List<AgencyNotification> notifications) {
    if (notifications.isEmpty()) {
      return List.of();
    }
    notifications.forEach(this::validate);
    Instant now = clock.instant();
    List<OutboxEntry> entries = outbox.saveAll(notifications.stream().map(n -> OutboxEntry.pending(n, now)).toList());
    String delivery = repository.getObject().createProcessDefinitionQuery().processDefinitionKey(DELIVERY_PROCESS)
        .latestVersion().singleResult().getId();
    RuntimeService engine = runtime.getObject();
    for (OutboxEntry entry : entries) {
      PlatformStarts.withBusinessKey(entry.getCaseCode(), () -> engine.startProcessInstanceById(delivery,
          entry.getCaseCode(), Map.of(AgencyNotificationProcess.NOTIFICATION_KEY.name(), entry.getNotificationKey(),
              AgencyNotificationProcess.AGENCY_ID.name(), entry.getAgencyId())));
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
