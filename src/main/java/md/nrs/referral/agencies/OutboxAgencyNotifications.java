package md.nrs.referral.agencies;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes agency notifications to the outbox, inside the transaction of the engine step that raises them. */
@Component
public class OutboxAgencyNotifications implements AgencyNotifications {

  private final OutboxRepository outbox;
  private final Validator validator;
  private final Clock clock;

  public OutboxAgencyNotifications(OutboxRepository outbox, Validator validator, Clock clock) {
    this.outbox = outbox;
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public String notify(AgencyNotification notification) {
    Set<ConstraintViolation<AgencyNotification>> violations = validator.validate(notification);
    if (!violations.isEmpty()) {
      // Name the fields, never the values: a mistyped field may hold a person's name.
      String fields = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
          .collect(java.util.stream.Collectors.joining("; "));
      throw new ConstraintViolationException("Invalid agency notification: " + fields, violations);
    }
    return outbox.save(OutboxEntry.pending(notification, clock.instant())).getNotificationKey();
  }
}
