package md.nrs.referral.agencies;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/agency-notification.bpmn: one per outbox entry that is sent now, started by
 * delivery/OutboxAgencyNotifications with the case code as business key; delivers the notification by the
 * agency's channel (webhook, e-mail) or waits for the agency's system to fetch it as an external task. An entry
 * for an agency without a channel or with a daily digest is settled when written, without one.
 */
@ProcessContract
public final class AgencyNotificationProcess {

  public static final String KEY = "agency-notification";

  public static final class Elements {
    public static final String NOTIFICATION_WRITTEN = "StartEvent_NotificationWritten";
    public static final String DELIVER = "ServiceTask_DeliverNotification";
    public static final String FETCHED_BY_AGENCY_SYSTEM = "Gateway_FetchedByAgencySystem";
    public static final String AGENCY_SYSTEM_FETCHES = "ServiceTask_AgencySystemFetches";
    public static final String RECORD_FETCHED = "ServiceTask_RecordFetched";
    public static final String DELIVERED = "EndEvent_NotificationDelivered";
    public static final String FETCHED = "EndEvent_NotificationFetched";

    private Elements() {
    }
  }

  /** The outbox entry this instance delivers. */
  public static final ProcessVariable<String> NOTIFICATION_KEY = ProcessVariable.text("notificationKey");
  /** The agency it is for (its group id). */
  public static final ProcessVariable<String> AGENCY_ID = ProcessVariable.text("agencyId");
  /** Set by the delivery: the agency's own system fetches it (an external task) instead of a push. */
  public static final ProcessVariable<Boolean> FETCHED_BY_AGENCY_SYSTEM = ProcessVariable.flag("fetchedByAgencySystem");
  /** The step the notification is about (a task's id), for the agency's system fetching it; never case data. */
  public static final ProcessVariable<String> STEP = ProcessVariable.text("step");
  /** The external task's topic when the agency's system fetches. */
  public static final ProcessVariable<String> EXTERNAL_TASK_TOPIC = ProcessVariable.text("externalTaskTopic");

  private AgencyNotificationProcess() {
  }
}
