package md.nrs.referral.childprotection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The age assessment decides: the person stays a child, or the case goes on as an adult's (minor becomes false). */
@Component("recordAgeAssessment")
public class RecordAgeAssessment implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ChildProtectionProcess.MINOR.set(execution,
        !ChildProtectionProcess.FOUND_ADULT.equals(ChildProtectionProcess.AGE_FOUND.get(execution)));
  }
}
