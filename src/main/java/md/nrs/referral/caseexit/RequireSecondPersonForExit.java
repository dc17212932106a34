package md.nrs.referral.caseexit;

import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Four eyes: the person who proposed ending the case may not decide the proposal. */
@Component("requireSecondPersonForExit")
public class RequireSecondPersonForExit implements TaskListener {

  private final IdentityService identity;

  public RequireSecondPersonForExit(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String proposer = CaseExitProcess.PROPOSED_BY.get(task.getExecution());
    Caller caller = Caller.current(identity);
    String decider = caller.authenticated() ? caller.userId() : task.getAssignee();
    if (proposer != null && proposer.equals(decider)) {
      throw new InvalidFormException(CaseExitProcess.FORM_APPROVE_EXIT, List.of(new FieldError(
          CaseExitProcess.EXIT_DECISION.name(), "the proposal must be decided by someone other than its proposer")));
    }
  }
}
