package md.nrs.referral.models;

import static md.nrs.referral.models.BpmnFile.CAMUNDA_NS;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;

/** Models run no code of their own and call no other system: no scripts, no connectors. */
final class NoScriptsOrConnectorsRule implements ElementRule {

  @Override
  public void check(Element raw, DomElement element, BaseElement owner, BpmnFile file) {
    String local = element.getLocalName();
    if ("scriptTask".equals(local) || ("script".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI()))
        || element.getAttribute("scriptFormat") != null || element.getAttribute(CAMUNDA_NS, "resource") != null
        || ("conditionExpression".equals(local) && !BpmnFile.isBlank(element.getAttribute("language")))) {
      file.problem(owner, ProblemCode.SCRIPT.with());
    }
    if ("connector".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI())) {
      file.problem(owner, ProblemCode.CONNECTOR.with());
    }
  }
}
