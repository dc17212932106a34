package md.nrs.referral.agencies.delivery;

import java.time.Clock;
import md.nrs.referral.agencies.AgencyNotificationProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The agency's system completed the external task: the notification is delivered, and its access ends. */
@Component("recordFetchedByAgency")
public class RecordFetchedByAgency implements JavaDelegate {

  private final OutboxRepository outbox;
  private final Clock clock;

  public RecordFetchedByAgency(OutboxRepository outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.findByNotificationKey(AgencyNotificationProcess.NOTIFICATION_KEY.get(execution)).ifPresent(entry -> {
      entry.delivered("external-task", clock.instant());
      outbox.save(entry);
    });
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(execution.getProcessInstanceId()).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }
}
