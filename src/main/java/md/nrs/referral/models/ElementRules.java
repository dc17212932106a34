package md.nrs.referral.models;

import java.util.List;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.impl.instance.DomElementImpl;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Visits every XML element of a BPMN file in document order, remembering the nearest flow element or process
 * to name in a problem, and runs each {@link ElementRule} on it, in the order given.
 */
final class ElementRules implements BpmnRule {

  private final List<ElementRule> rules;

  ElementRules(List<ElementRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public void check(BpmnFile file) {
    walk(((Document) file.model().getDocument().getDomSource().getNode()).getDocumentElement(), null, file);
  }

  private void walk(Element element, BaseElement owner, BpmnFile file) {
    String id = element.getAttribute("id");
    if (!id.isEmpty()) {
      ModelElementInstance instance = file.model().getModelElementById(id);
      if (instance instanceof FlowElement || instance instanceof Process) {
        owner = (BaseElement) instance;
      }
    }
    if (owner != null) {
      DomElementImpl dom = new DomElementImpl(element);
      for (ElementRule rule : rules) {
        rule.check(element, dom, owner, file);
      }
    } else {
      for (ElementRule rule : rules) {
        rule.checkOutsideProcesses(element, file);
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(childElement, owner, file);
      }
    }
  }
}
