package md.nrs.referral.agencies.delivery;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.engine.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every agency learns of new work through its channel (issue 15 item 7): each new user task of a case whose
 * candidate group is an agency or team of the directory with a channel (webhook, e-mail, external task) becomes
 * an outbox notification for it — case code, step (the task's id) and due date, nothing else — through the
 * consent-checked port like every notification, delivered per task or in the agency's daily digest. Tasks
 * outside a case (no case code), roles (NRS coordinators) and agencies that work in Tasklist only (channel none)
 * are left alone, and a step that already told the agency about this task (a provider referral) is not repeated.
 * Runs after the due date is set (ordered last).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class NewTaskNotifications implements EveryUserTask {

  private static final Pattern CASE_CODE = Pattern.compile("NRS-\\d{4}-\\d{6,}");

  private final ObjectProvider<AgencyNotifications> notifications;
  private final ObjectProvider<AgencyChannels> channels;
  private final ObjectProvider<OutboxRepository> outbox;

  public NewTaskNotifications(ObjectProvider<AgencyNotifications> notifications, ObjectProvider<AgencyChannels> channels,
      ObjectProvider<OutboxRepository> outbox) {
    this.notifications = notifications;
    this.channels = channels;
    this.outbox = outbox;
  }

  @Override
  public void onUserTask(UserTask task) {
    task.on(TaskListener.EVENTNAME_CREATE, this::tellTheAgencies);
  }

  void tellTheAgencies(DelegateTask task) {
    String caseCode = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (caseCode == null || !CASE_CODE.matcher(caseCode).matches()) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    String processKey = null;
    for (String agency : groups) {
      boolean reached = channels.getObject().channelOf(agency).map(c -> c.type() != AgencyChannels.Channel.Type.NONE)
          .orElse(false);
      if (!reached || outbox.getObject().existsByAgencyIdAndProcessInstanceIdAndStep(agency, task.getProcessInstanceId(),
          task.getTaskDefinitionKey())) {
        continue;
      }
      processKey = processKey != null ? processKey : processKey(task);
      notifications.getObject().notify(new AgencyNotification(agency, caseCode, task.getTaskDefinitionKey(),
          "New task: " + NotificationTexts.oneLine(String.valueOf(task.getName())), task.getDueDate() == null ? null
              : task.getDueDate().toInstant(), task.getProcessInstanceId(), processKey));
    }
  }

  /** The key of the process the task is in, from the deployed model (no query, no authorization check). */
  private static String processKey(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((Process) element).getId();
  }
}
