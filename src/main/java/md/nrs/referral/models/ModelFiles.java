package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * Reads the files of a revision (forms, BPMN, DMN), reporting a file that does not parse; DMN files are
 * checked whole here (history time-to-live, FEEL only) since nothing else looks into them.
 */
final class ModelFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFiles() {
  }

  /** The forms of the revision by id; a form without an id, or with an id another form has, is a problem. */
  static Map<String, RevisionContents.FormFile> forms(List<ModelResource> resources, List<ModelProblem> problems) {
    Map<String, RevisionContents.FormFile> ids = new HashMap<>();
    for (ModelResource resource : resources) {
      if (!resource.isForm()) {
        continue;
      }
      try {
        JsonNode root = JSON.readTree(resource.content());
        JsonNode id = root.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
          problems.add(new ModelProblem(resource.name(), null, ProblemCode.FORM_NO_ID.with()));
          continue;
        }
        Set<String> fields = new LinkedHashSet<>();
        collectFieldKeys(root, fields);
        RevisionContents.FormFile previous = ids.putIfAbsent(id.asText(),
            new RevisionContents.FormFile(resource.name(), id.asText(), fields));
        if (previous != null) {
          problems.add(new ModelProblem(resource.name(), id.asText(), ProblemCode.FORM_ID_TAKEN.with("file", previous.file())));
        }
      } catch (Exception e) {
        problems.add(new ModelProblem(resource.name(), null, ProblemCode.FORM_UNREADABLE.with("reason", firstLine(e))));
      }
    }
    return ids;
  }

  private static void collectFieldKeys(JsonNode node, Set<String> keys) {
    JsonNode components = node.get("components");
    if (components == null || !components.isArray()) {
      return;
    }
    for (JsonNode component : components) {
      JsonNode key = component.get("key");
      if (key != null && key.isTextual() && !key.asText().isBlank()) {
        keys.add(key.asText());
      }
      collectFieldKeys(component, keys);
    }
  }

  static BpmnModelInstance bpmn(ModelResource resource, List<ModelProblem> problems) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
    } catch (Exception e) {
      problems.add(new ModelProblem(resource.name(), null, ProblemCode.BPMN_UNREADABLE.with("reason", firstLine(e))));
      return null;
    }
  }

  /** Checks a DMN file and adds its decisions (key -> output names) to {@code decisions}. */
  static void dmn(ModelResource resource, Map<String, Set<String>> decisions, List<ModelProblem> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
    } catch (Exception e) {
      problems.add(new ModelProblem(resource.name(), null, ProblemCode.DMN_UNREADABLE.with("reason", firstLine(e))));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      Set<String> outputs = new HashSet<>();
      decision.getChildElementsByType(DecisionTable.class)
          .forEach(table -> table.getOutputs().stream().map(Output::getName).filter(n -> n != null).forEach(outputs::add));
      decisions.put(decision.getId(), outputs);
      if (BpmnFile.isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        problems.add(new ModelProblem(resource.name(), ModelValidator.describeDecision(decision),
            ProblemCode.DECISION_NO_TIME_TO_LIVE.with(), decision.getId()));
      }
    }
    DmnExpressionRules.check(resource, model, problems);
  }

  private static String firstLine(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
