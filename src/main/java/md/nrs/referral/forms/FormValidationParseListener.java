package md.nrs.referral.forms;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import md.nrs.referral.process.ParseListeners;

/**
 * Inside the engine, every user task and start event whose form has a {@link FormContract} checks its
 * variables against it on completion / start. This catches callers that bypass the HTTP guard (Java
 * API, a future channel); over HTTP the {@link FormSubmissionGuard} has already answered a clear 400.
 */
@Component
public class FormValidationParseListener extends AbstractProcessEnginePlugin {

  private final FormCatalog catalog;
  private final FormValidator validator;

  public FormValidationParseListener(FormCatalog catalog, FormValidator validator) {
    this.catalog = catalog;
    this.validator = validator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPre(configuration, new Parse());
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

  private final class Parse extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      if (formId != null && catalog.contractFor(formId).isPresent()
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
            task -> check(formId, task));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      if (formId != null && catalog.contractFor(formId).isPresent()) {
        activity.addListener(ExecutionListener.EVENTNAME_START, execution -> check(formId, execution));
      }
    }
  }
}
