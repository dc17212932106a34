package md.nrs.referral.safetyplan;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.EveryUserTask;
import md.nrs.referral.repatriation.RepatriationProcess;
import md.nrs.referral.shelter.ShelterPlacementProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the steps that exist, so the case models need no change: when an urgent risk review after a
 * safety incident, the travel of a return, a shelter discharge or a closure proposal opens, the case's
 * safety plan is asked for a review (message {@value SafetyPlanProcess#MESSAGE_REVIEW}) with the reason.
 * A plan that is not waiting for its review date (being made or reviewed right now, or ended), or a case
 * without a plan, is left as it is.
 */
@Component
public class ReviewSafetyPlanAtProtectionSteps implements EveryUserTask {

  private static final Map<String, String> REVIEW_REASONS = Map.of(
      NrsCaseProcess.Elements.URGENT_RISK_REVIEW, "safety-incident",
      RepatriationProcess.Elements.ARRANGE_TRAVEL, "before-return",
      ShelterPlacementProcess.Elements.DISCHARGE, "before-shelter-discharge",
      NrsCaseProcess.Elements.PROPOSE_CLOSURE, "before-closure");

  @Override
  public void onUserTask(UserTask task) {
    if (REVIEW_REASONS.containsKey(task.id())) {
      String reason = REVIEW_REASONS.get(task.id());
      task.on(TaskListener.EVENTNAME_CREATE, created -> requestReview(created, reason));
    }
  }

  private void requestReview(DelegateTask task, String reason) {
    String caseCode = task.getExecution().getProcessBusinessKey();
    RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
    asPlatform(task.getProcessEngineServices(), () -> {
      boolean waiting = runtime.createExecutionQuery().processDefinitionKey(SafetyPlanProcess.KEY)
          .processInstanceBusinessKey(caseCode).messageEventSubscriptionName(SafetyPlanProcess.MESSAGE_REVIEW).count() > 0;
      if (waiting) {
        runtime.createMessageCorrelation(SafetyPlanProcess.MESSAGE_REVIEW).processInstanceBusinessKey(caseCode)
            .setVariable(SafetyPlanProcess.REVIEW_REASON.name(), reason).correlate();
      }
      return null;
    });
  }
}
