package md.nrs.referral.foreignvictims;

import static md.nrs.referral.foreignvictims.ForeignVictimProcess.CASE_CODE;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.LANGUAGE;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.SUPPORTING_AGENCY;

import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supporting agency is asked to bring an interpreter for the person's language to every step with her. */
@Component("askForInterpreter")
public class AskForInterpreter implements JavaDelegate {

  private final AgencyNotifications notifications;

  public AskForInterpreter(AgencyNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String language = LANGUAGE.get(execution);
    notifications.notify(new AgencyNotification(SUPPORTING_AGENCY.get(execution), CASE_CODE.get(execution),
        ForeignVictimProcess.Elements.ASK_FOR_INTERPRETER,
        "An interpreter is needed" + (language == null ? "" : " for the language '" + language + "'")
            + ": arrange one for every step with the person", null, execution.getProcessInstanceId()));
  }
}
