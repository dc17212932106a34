package md.nrs.referral.models;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A form field is known if the form's server-side contract (@FormContract record) has it; a form
 * without a Java contract is checked against the contracts of the processes that use it (a process
 * without a Java contract is defined by its forms).
 */
final class FormFieldsRule implements RevisionRule {

  @Override
  public void check(RevisionContents revision, Map<String, BpmnModelInstance> bpmn, List<ModelProblem> problems) {
    ModelEnvironment environment = revision.environment();
    if (!environment.checksVariables()) {
      return;
    }
    for (RevisionContents.FormFile form : revision.forms().values()) {
      Optional<Set<String>> contract = environment.formContractFields(form.id());
      Set<String> known = new HashSet<>();
      boolean usedWithoutContract = false;
      if (contract.isPresent()) {
        known.addAll(contract.get());
      } else {
        for (BpmnModelInstance model : bpmn.values()) {
          if (usesForm(model, form.id())) {
            for (Process process : model.getModelElementsByType(Process.class)) {
              Set<String> variables = environment.contractVariables(process.getId());
              usedWithoutContract |= variables.isEmpty();
              known.addAll(variables);
            }
          }
        }
        if (usedWithoutContract || known.isEmpty()) {
          continue; // no Java contract on either side: the form itself defines the variables
        }
      }
      for (String field : form.fields()) {
        if (!known.contains(field)) {
          problems.add(new ModelProblem(form.file(), form.id(), (contract.isPresent() ? ProblemCode.FORM_FIELD_UNKNOWN_TO_FORM
              : ProblemCode.FORM_FIELD_UNKNOWN_TO_PROCESS).with("field", field)));
        }
      }
    }
  }

  private static boolean usesForm(BpmnModelInstance model, String formId) {
    return model.getModelElementsByType(UserTask.class).stream().anyMatch(t -> formId.equals(t.getCamundaFormRef()))
        || model.getModelElementsByType(StartEvent.class).stream().anyMatch(s -> formId.equals(s.getCamundaFormRef()));
  }
}
