package md.nrs.referral.models;

import org.camunda.bpm.model.bpmn.instance.Process;

/** Every executable process has a history time-to-live, so its history is cleaned up (Camunda requires it). */
final class ProcessHistoryTimeToLiveRule implements BpmnRule {

  @Override
  public void check(BpmnFile file) {
    for (Process process : file.model().getModelElementsByType(Process.class)) {
      if (process.isExecutable() && BpmnFile.isBlank(process.getCamundaHistoryTimeToLiveString())) {
        file.problem(process, ProblemCode.PROCESS_NO_TIME_TO_LIVE.with());
      }
    }
  }
}
