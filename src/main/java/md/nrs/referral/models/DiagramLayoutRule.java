package md.nrs.referral.models;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/** Every flow node has a shape and every sequence flow an arrow in the diagram, so Cockpit and Modeler show them. */
final class DiagramLayoutRule implements BpmnRule {

  @Override
  public void check(BpmnFile file) {
    Set<String> shapes = new HashSet<>();
    file.model().getModelElementsByType(BpmnShape.class).forEach(s -> {
      if (s.getBpmnElement() != null) {
        shapes.add(s.getBpmnElement().getId());
      }
    });
    Set<String> edges = new HashSet<>();
    file.model().getModelElementsByType(BpmnEdge.class).forEach(e -> {
      if (e.getBpmnElement() != null) {
        edges.add(e.getBpmnElement().getId());
      }
    });
    for (FlowNode node : file.model().getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        file.problem(node, ProblemCode.NO_SHAPE.with());
      }
    }
    for (SequenceFlow flow : file.model().getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        file.problem(flow, ProblemCode.NO_ARROW.with());
      }
    }
  }
}
