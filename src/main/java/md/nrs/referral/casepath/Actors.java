package md.nrs.referral.casepath;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who is acting on a task: the logged-in user (Tasklist, REST), else the task's assignee (Java API). */
final class Actors {

  private Actors() {
  }

  static String actingUser(IdentityService identity, DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
