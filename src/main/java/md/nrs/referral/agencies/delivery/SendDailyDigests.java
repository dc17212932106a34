package md.nrs.referral.agencies.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Send the daily digests" step of processes/agency-digest.bpmn. */
@Component("sendDailyDigests")
public class SendDailyDigests implements JavaDelegate {

  private final DailyDigests digests;

  public SendDailyDigests(DailyDigests digests) {
    this.digests = digests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    digests.sendAll();
  }
}
