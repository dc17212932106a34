package md.nrs.referral.casepath;

import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Four eyes: the person who wrote the assistance plan may not approve it. */
@Component("requireSecondPerson")
public class RequireSecondPerson implements TaskListener {

  private final IdentityService identity;

  public RequireSecondPerson(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String author = NrsCaseProcess.PLAN_AUTHOR.get(task.getExecution());
    String approver = Actors.actingUser(identity, task);
    if (author != null && author.equals(approver)) {
      throw new InvalidFormException(NrsCaseProcess.FORM_APPROVE_PLAN, java.util.List.of(
          new FieldError("planDecision", "the plan must be approved by someone other than its author")));
    }
  }
}
