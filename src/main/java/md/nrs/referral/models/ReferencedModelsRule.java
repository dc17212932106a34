package md.nrs.referral.models;

import static md.nrs.referral.models.BpmnFile.CAMUNDA_NS;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;

/** A called process or a decision a model uses exists: deployed, or in the same revision. */
final class ReferencedModelsRule implements ElementRule {

  @Override
  public void check(Element raw, DomElement element, BaseElement owner, BpmnFile file) {
    String called = element.getAttribute(CAMUNDA_NS, "calledElement");
    if (called == null && "callActivity".equals(element.getLocalName())) {
      called = element.getAttribute("calledElement");
    }
    if (called != null && !BpmnFile.isExpression(called) && !file.revision().processes().contains(called)
        && !file.environment().processDeployed(called)) {
      file.problem(owner, ProblemCode.PROCESS_UNKNOWN.with("process", called));
    }
    String decision = element.getAttribute(CAMUNDA_NS, "decisionRef");
    if (decision != null && !BpmnFile.isExpression(decision) && !file.revision().decisions().containsKey(decision)
        && !file.environment().decisionDeployed(decision)) {
      file.problem(owner, ProblemCode.DECISION_UNKNOWN.with("decision", decision));
    }
  }
}
