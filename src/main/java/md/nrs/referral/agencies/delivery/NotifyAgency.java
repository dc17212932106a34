package md.nrs.referral.agencies.delivery;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.engine.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notification a policy officer places with the "Notify an agency" element template: tells the agency
 * chosen in the model what is asked of it in this step, through the outbox (consent-checked like every
 * notification). The case is the process's business key (its case code); the step is the element's id.
 * Both inputs are fixed in the model, never case data.
 */
@Component("notifyAgency")
public class NotifyAgency implements JavaDelegate {

  /** Input parameter of the element: the directory id of the agency or team to tell. */
  public static final ProcessVariable<String> NOTIFIED_AGENCY = ProcessVariable.text("notifiedAgency");
  /** Input parameter of the element: what is asked, in plain words (no personal data). */
  public static final ProcessVariable<String> NOTIFICATION_REQUEST = ProcessVariable.text("notificationRequest");

  private final AgencyNotifications notifications;

  public NotifyAgency(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agency = required(execution, NOTIFIED_AGENCY);
    String request = required(execution, NOTIFICATION_REQUEST);
    notifications.notify(new AgencyNotification(agency, execution.getProcessBusinessKey(),
        execution.getCurrentActivityId(), request, null, execution.getProcessInstanceId()));
  }

  /** A model without the input is a modelling mistake: say which input, on which element. */
  private static String required(DelegateExecution execution, ProcessVariable<String> input) {
    Object value = execution.getVariableLocal(input.name());
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalStateException("Element " + execution.getCurrentActivityId() + " has no input parameter '"
          + input.name() + "'; place it with the \"Notify an agency\" element template");
    }
    return text.trim();
  }
}
