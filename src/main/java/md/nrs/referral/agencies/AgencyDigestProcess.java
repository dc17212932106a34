package md.nrs.referral.agencies;

import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/agency-digest.bpmn: every morning, each agency that chose a daily digest in the
 * directory is sent one message with the notifications queued for it (delivery/DailyDigests). No variables.
 */
@ProcessContract
public final class AgencyDigestProcess {

  public static final String KEY = "agency-digest";

  public static final class Elements {
    public static final String EVERY_MORNING = "StartEvent_EveryMorning";
    public static final String SEND_DAILY_DIGESTS = "ServiceTask_SendDailyDigests";
    public static final String DIGESTS_SENT = "EndEvent_DigestsSent";

    private Elements() {
    }
  }

  private AgencyDigestProcess() {
  }
}
