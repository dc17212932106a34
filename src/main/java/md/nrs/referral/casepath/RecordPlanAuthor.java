package md.nrs.referral.casepath;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Remembers who wrote the assistance plan, so that someone else approves it (four eyes). */
@Component("recordPlanAuthor")
public class RecordPlanAuthor implements TaskListener {

  private final IdentityService identity;

  public RecordPlanAuthor(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    NrsCaseProcess.PLAN_AUTHOR.set(task.getExecution(), Actors.actingUser(identity, task));
  }
}
