package md.nrs.referral.forms;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.EveryUserTask;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Inside the engine, every user task and start event whose form has a {@link FormContract} checks its
 * variables against it on completion / start. This catches callers that bypass the HTTP guard (Java
 * API, a future channel); over HTTP the {@link FormSubmissionGuard} has already answered a clear 400.
 */
@Component
public class FormValidationListener implements EveryUserTask {

  private final FormCatalog catalog;
  private final FormValidator validator;

  public FormValidationListener(FormCatalog catalog, FormValidator validator) {
    this.catalog = catalog;
    this.validator = validator;
  }

  /** The check sees the submission before the model's own listeners change anything. */
  @Override
  public boolean beforeModelListeners() {
    return true;
  }

  @Override
  public void onUserTask(UserTask userTask) {
    String formId = userTask.formRef();
    if (formId != null && catalog.contractFor(formId).isPresent()) {
      userTask.on(TaskListener.EVENTNAME_COMPLETE, task -> check(formId, task));
    }
  }

  @Override
  public void onStartEvent(StartEvent start) {
    String formId = start.formRef();
    if (formId != null && catalog.contractFor(formId).isPresent()) {
      start.on(ExecutionListener.EVENTNAME_START, execution -> check(formId, execution));
    }
  }

  private void check(String formId, VariableScope scope) {
    catalog.contractFor(formId).ifPresent(contract -> {
      Map<String, Object> values = SubmittedVariables.fromEngine(scope.getVariablesTyped(false));
      List<FieldError> errors = validator.validate(contract, values, false);
      if (!errors.isEmpty()) {
        throw new InvalidFormException(formId, errors);
      }
      storeListsPlainly(contract, values, scope);
    });
  }

  /**
   * A checklist arrives as a JSON string (Tasklist) or as whatever List a Java caller passed. Stored
   * again as an ArrayList of strings (serialized as JSON), it is one predictable shape that gateways,
   * multi-instance collections and Java all read.
   */
  private static void storeListsPlainly(Class<? extends Record> contract, Map<String, Object> values, VariableScope scope) {
    for (RecordComponent component : contract.getRecordComponents()) {
      if (List.class.isAssignableFrom(component.getType()) && values.get(component.getName()) instanceof List<?> list) {
        ArrayList<String> plain = new ArrayList<>();
        list.forEach(item -> plain.add(String.valueOf(item)));
        scope.setVariable(component.getName(), plain);
      }
    }
  }
}
