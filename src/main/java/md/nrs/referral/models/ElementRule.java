package md.nrs.referral.models;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;

/**
 * A rule about single XML elements of a model (attributes, extension elements), run by {@link ElementRules}
 * on every element in document order; {@code owner} is the nearest flow element or process, named in a problem.
 */
interface ElementRule {

  /** An element inside a process ({@code raw} and {@code element} are the same element, two views of it). */
  void check(Element raw, DomElement element, BaseElement owner, BpmnFile file);

  /** An element outside any process (messages, signals, errors); most rules have nothing to say there. */
  default void checkOutsideProcesses(Element raw, BpmnFile file) {
  }
}
