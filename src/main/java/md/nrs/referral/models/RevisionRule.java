package md.nrs.referral.models;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A rule about the revision as a whole (several files together), run after the per-file rules. */
interface RevisionRule {

  void check(RevisionContents revision, Map<String, BpmnModelInstance> bpmn, List<ModelProblem> problems);
}
