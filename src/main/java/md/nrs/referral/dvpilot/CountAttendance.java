package md.nrs.referral.dvpilot;

import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.ATTENDED;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.CONSECUTIVE_ABSENCES;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.MORE_SESSIONS_DUE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSIONS;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSIONS_ATTENDED;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSION_NUMBER;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.TOTAL_ABSENCES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts the session just recorded: attended, or one more absence (in total and in a row); and whether more are due. */
@Component("countAttendance")
public class CountAttendance implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(ATTENDED.get(execution))) {
      SESSIONS_ATTENDED.set(execution, SESSIONS_ATTENDED.getOrDefault(execution, 0) + 1);
      CONSECUTIVE_ABSENCES.set(execution, 0);
    } else {
      TOTAL_ABSENCES.set(execution, TOTAL_ABSENCES.getOrDefault(execution, 0) + 1);
      CONSECUTIVE_ABSENCES.set(execution, CONSECUTIVE_ABSENCES.getOrDefault(execution, 0) + 1);
    }
    MORE_SESSIONS_DUE.set(execution, SESSION_NUMBER.get(execution) < SESSIONS.get(execution));
  }
}
