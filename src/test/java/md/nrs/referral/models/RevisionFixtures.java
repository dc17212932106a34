package md.nrs.referral.models;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;

/**
 * Small test-only revisions of one process (the fluent builder writes their diagram layout): v1 is
 * intake then review (with a 72-hour overdue timer on the review); v2 adds a coordinator's check between
 * them and renames the intake.
 */
final class RevisionFixtures {

  static final String INTAKE = "UserTask_Intake";
  static final String CHECK = "UserTask_Check";
  static final String REVIEW = "UserTask_Review";
  static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
  /** The basis the gate asks of every timer (TimerBasisRule). */
  static final String BASIS = "Time limit: 72 hours. Basis: policy default.";

  private RevisionFixtures() {
  }

  static ProcessBuilder process(String key) {
    return Bpmn.createExecutableProcess(key).name("Fixture: " + key).camundaHistoryTimeToLive(30);
  }

  static BpmnModelInstance v1(String key) {
    return process(key)
        .startEvent("StartEvent_Referred").name("Referred")
        .userTask(INTAKE).name("Intake").camundaCandidateGroups("la-strada")
        .userTask(REVIEW).name("Review").camundaCandidateGroups("nrs-coordinators")
        .boundaryEvent(REVIEW_OVERDUE).name("Review overdue").documentation(BASIS).timerWithDuration("PT72H")
        .endEvent("EndEvent_ReviewEscalated").name("Review escalated")
        .moveToActivity(REVIEW).endEvent("EndEvent_Done").name("Done")
        .done();
  }

  static BpmnModelInstance v2(String key) {
    return process(key)
        .startEvent("StartEvent_Referred").name("Referred")
        .userTask(INTAKE).name("Intake interview").camundaCandidateGroups("la-strada")
        .userTask(CHECK).name("Check with the coordinator").camundaCandidateGroups("nrs-coordinators")
        .userTask(REVIEW).name("Review").camundaCandidateGroups("nrs-coordinators")
        .boundaryEvent(REVIEW_OVERDUE).name("Review overdue").documentation(BASIS).timerWithDuration("PT72H")
        .endEvent("EndEvent_ReviewEscalated").name("Review escalated")
        .moveToActivity(REVIEW).endEvent("EndEvent_Done").name("Done")
        .done();
  }

  static byte[] bytes(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
