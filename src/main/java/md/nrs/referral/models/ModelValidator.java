package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Checks a set of models before it goes live: every file parses, every process and decision has a
 * history time-to-live, and every form a user task or start event references is deployed. All
 * problems are collected, so a policy officer fixes them in one round.
 */
public class ModelValidator {

  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param resources the files of the deployment
   * @param alreadyDeployedForm whether a form id is already deployed in the engine (outside these files)
   */
  public List<ModelProblem> validate(List<ModelResource> resources, Predicate<String> alreadyDeployedForm) {
    List<ModelProblem> problems = new ArrayList<>();
    Map<String, String> formFiles = formIds(resources, problems);
    for (ModelResource resource : resources) {
      if (resource.isBpmn()) {
        validateBpmn(resource, id -> formFiles.containsKey(id) || alreadyDeployedForm.test(id), problems);
      } else if (resource.isDmn()) {
        validateDmn(resource, problems);
      }
    }
    return problems;
  }

  public void requireValid(List<ModelResource> resources, Predicate<String> alreadyDeployedForm) {
    List<ModelProblem> problems = validate(resources, alreadyDeployedForm);
    if (!problems.isEmpty()) {
      throw new InvalidModelsException(problems);
    }
  }

  private Map<String, String> formIds(List<ModelResource> resources, List<ModelProblem> problems) {
    Map<String, String> ids = new HashMap<>();
    for (ModelResource resource : resources) {
      if (!resource.isForm()) {
        continue;
      }
      try {
        JsonNode id = json.readTree(resource.content()).get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
          problems.add(new ModelProblem(resource.name(), null, "the form has no \"id\"; user tasks reference forms by it"));
        } else if (ids.putIfAbsent(id.asText(), resource.name()) != null) {
          problems.add(new ModelProblem(resource.name(), id.asText(),
              "form id is already used by " + ids.get(id.asText())));
        }
      } catch (Exception e) {
        problems.add(new ModelProblem(resource.name(), null, "not a readable form (JSON): " + firstLine(e)));
      }
    }
    return ids;
  }

  private void validateBpmn(ModelResource resource, Predicate<String> formKnown, List<ModelProblem> problems) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
    } catch (Exception e) {
      problems.add(new ModelProblem(resource.name(), null, "not a valid BPMN model: " + firstLine(e)));
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
        problems.add(new ModelProblem(resource.name(), describe(process),
            "the process has no history time-to-live (camunda:historyTimeToLive)"));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkForm(resource, task, task.getCamundaFormRef(), task.getCamundaFormKey(), formKnown, problems);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkForm(resource, start, start.getCamundaFormRef(), start.getCamundaFormKey(), formKnown, problems);
    }
  }

  private void checkForm(ModelResource resource, BaseElement element, String formRef, String formKey,
      Predicate<String> formKnown, List<ModelProblem> problems) {
    if (formKey != null && formKey.startsWith("camunda-forms:")) {
      problems.add(new ModelProblem(resource.name(), describe(element),
          "references a form by deployment path (" + formKey + "); use camunda:formRef with the form's id"));
    }
    if (formRef != null && !isExpression(formRef) && !formKnown.test(formRef)) {
      problems.add(new ModelProblem(resource.name(), describe(element),
          "references form '" + formRef + "', which is not deployed and not in forms/"));
    }
  }

  private void validateDmn(ModelResource resource, List<ModelProblem> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
    } catch (Exception e) {
      problems.add(new ModelProblem(resource.name(), null, "not a valid DMN model: " + firstLine(e)));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        problems.add(new ModelProblem(resource.name(), describeDecision(decision),
            "the decision has no history time-to-live (camunda:historyTimeToLive)"));
      }
    }
  }

  private static String describe(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null || name.isBlank() ? element.getId() : element.getId() + " (\"" + name + "\")";
  }

  private static String describeDecision(Decision decision) {
    String name = decision.getName();
    return name == null || name.isBlank() ? decision.getId() : decision.getId() + " (\"" + name + "\")";
  }

  private static final Set<String> EXPRESSION_STARTS = Set.of("${", "#{");

  private static boolean isExpression(String value) {
    return EXPRESSION_STARTS.stream().anyMatch(value::startsWith);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
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
