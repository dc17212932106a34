package md.nrs.referral.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

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
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new Parse());
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  private void check(String formId, Map<String, Object> variables) {
    catalog.contractFor(formId).ifPresent(contract -> {
      List<FieldError> errors = validator.validate(contract, SubmittedVariables.fromEngine(variables), false);
      if (!errors.isEmpty()) {
        throw new InvalidFormException(formId, errors);
      }
    });
  }

  private final class Parse extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      if (formId != null && catalog.contractFor(formId).isPresent()
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
            task -> check(formId, task.getVariables()));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      if (formId != null && catalog.contractFor(formId).isPresent()) {
        activity.addListener(ExecutionListener.EVENTNAME_START, execution -> check(formId, execution.getVariables()));
      }
    }
  }
}
