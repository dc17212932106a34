package md.nrs.referral.casepath;

import md.nrs.referral.engine.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who is acting on a task: the logged-in user (Tasklist, REST), else the task's assignee (Java API). */
final class Actors {

  private Actors() {
  }

  static String actingUser(IdentityService identity, DelegateTask task) {
    Caller caller = Caller.current(identity);
    if (caller.authenticated()) {
      return caller.userId();
    }
    return task.getAssignee();
  }
}
