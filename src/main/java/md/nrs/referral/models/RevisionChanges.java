package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import md.nrs.referral.engine.DeployedModels;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a revision changes against the version live before it, by element id: flow nodes of each process,
 * inputs, outputs and rules of each decision, fields of each form. A renamed element keeps its id and
 * changes its name (or label).
 */
public final class RevisionChanges {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One process, decision or form of the revision. {@code previousVersion} is null for a new one. */
  public record Change(String file, String kind, String key, Integer previousVersion, List<String> added,
      List<String> removed, List<Renamed> renamed) {
  }

  public record Renamed(String id, String from, String to) {
  }

  private RevisionChanges() {
  }

  public static List<Change> of(DeployedModels deployed, List<ModelResource> resources) {
    List<Change> changes = new ArrayList<>();
    for (ModelResource resource : resources) {
      if (resource.isBpmn()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
        for (Process process : model.getModelElementsByType(Process.class)) {
          ResourceDefinition previous = deployed.latestProcess(process.getId()).orElse(null);
          Map<String, String> before = previous == null ? Map.of()
              : flowNodes(Bpmn.readModelFromStream(new ByteArrayInputStream(deployed.content(previous))), process.getId());
          changes.add(diff(resource.name(), "process", process.getId(), previous, before, flowNodes(model, process.getId())));
        }
      } else if (resource.isDmn()) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
          ResourceDefinition previous = deployed.latestDecision(decision.getId()).orElse(null);
          Map<String, String> before = previous == null ? Map.of()
              : decisionParts(Dmn.readModelFromStream(new ByteArrayInputStream(deployed.content(previous))), decision.getId());
          changes.add(diff(resource.name(), "decision", decision.getId(), previous, before, decisionParts(model, decision.getId())));
        }
      } else if (resource.isForm()) {
        JsonNode form = readJson(resource.content());
        String id = form.path("id").asText();
        ResourceDefinition previous = deployed.latestForm(id).orElse(null);
        Map<String, String> before = previous == null ? Map.of() : formFields(readJson(deployed.content(previous)));
        changes.add(diff(resource.name(), "form", id, previous, before, formFields(form)));
      }
    }
    return changes;
  }

  public static String toJson(List<Change> changes) {
    try {
      return JSON.writeValueAsString(changes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode parse(String json) {
    return readJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Change diff(String file, String kind, String key, ResourceDefinition previous, Map<String, String> before,
      Map<String, String> after) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Renamed> renamed = new ArrayList<>();
    after.forEach((id, name) -> {
      if (!before.containsKey(id)) {
        added.add(label(id, name));
      } else if (!Objects.equals(before.get(id), name)) {
        renamed.add(new Renamed(id, before.get(id), name));
      }
    });
    before.forEach((id, name) -> {
      if (!after.containsKey(id)) {
        removed.add(label(id, name));
      }
    });
    return new Change(file, kind, key, previous == null ? null : previous.getVersion(), added, removed, renamed);
  }

  private static String label(String id, String name) {
    return name == null || name.isBlank() ? id : id + " (\"" + name + "\")";
  }

  private static Map<String, String> flowNodes(BpmnModelInstance model, String processKey) {
    Map<String, String> nodes = new LinkedHashMap<>();
    ModelElementInstance process = model.getModelElementById(processKey);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (process == null || isInside(node, process)) {
        nodes.put(node.getId(), node.getName());
      }
    }
    return nodes;
  }

  private static boolean isInside(ModelElementInstance element, ModelElementInstance ancestor) {
    for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> decisionParts(DmnModelInstance model, String decisionKey) {
    Map<String, String> parts = new LinkedHashMap<>();
    ModelElementInstance decision = model.getModelElementById(decisionKey);
    if (decision == null) {
      return parts;
    }
    for (Class<? extends DmnElement> type : List.of(Input.class, Output.class, Rule.class)) {
      for (DmnElement element : model.getModelElementsByType(type)) {
        if (isInside(element, decision)) {
          String label = element instanceof Input input ? input.getLabel()
              : element instanceof Output output ? (output.getLabel() != null ? output.getLabel() : output.getName()) : null;
          parts.put(element.getId(), label);
        }
      }
    }
    return parts;
  }

  private static Map<String, String> formFields(JsonNode form) {
    Map<String, String> fields = new LinkedHashMap<>();
    collect(form, fields);
    return fields;
  }

  private static void collect(JsonNode node, Map<String, String> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component.path("label").asText(null));
      }
      collect(component, fields);
    }
  }

  private static JsonNode readJson(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (Exception e) {
      throw new IllegalStateException("Not a readable form", e);
    }
  }
}
