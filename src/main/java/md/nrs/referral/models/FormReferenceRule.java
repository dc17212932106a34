package md.nrs.referral.models;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** A user task or start event references its form by id ({@code camunda:formRef}), and the form exists. */
final class FormReferenceRule implements BpmnRule {

  @Override
  public void check(BpmnFile file) {
    for (UserTask task : file.model().getModelElementsByType(UserTask.class)) {
      check(file, task, task.getCamundaFormRef(), task.getCamundaFormKey());
    }
    for (StartEvent start : file.model().getModelElementsByType(StartEvent.class)) {
      check(file, start, start.getCamundaFormRef(), start.getCamundaFormKey());
    }
  }

  private static void check(BpmnFile file, BaseElement element, String formRef, String formKey) {
    if (formKey != null && formKey.startsWith("camunda-forms:")) {
      file.problem(element, ProblemCode.FORM_BY_PATH.with("formKey", formKey));
    }
    if (formRef != null && !BpmnFile.isExpression(formRef) && !file.revision().formKnown(formRef)) {
      file.problem(element, ProblemCode.FORM_UNKNOWN.with("form", formRef));
    }
  }
}
