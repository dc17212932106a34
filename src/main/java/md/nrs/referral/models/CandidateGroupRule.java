package md.nrs.referral.models;

import static md.nrs.referral.models.BpmnFile.CAMUNDA_NS;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;

/** A fixed candidate group is a known agency, team or role (a typo would hide the task from everyone). */
final class CandidateGroupRule implements ElementRule {

  @Override
  public void check(Element raw, DomElement element, BaseElement owner, BpmnFile file) {
    String groups = element.getAttribute(CAMUNDA_NS, "candidateGroups");
    if (groups != null && !BpmnFile.isExpression(groups.trim())) {
      for (String group : groups.split(",")) {
        if (!group.isBlank() && !file.environment().groupKnown(group.trim())) {
          file.problem(owner, ProblemCode.CANDIDATE_GROUP_UNKNOWN.with("group", group.trim()));
        }
      }
    }
  }
}
