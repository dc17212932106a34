package md.nrs.referral.models;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * One BPMN file of a revision as the rules see it: the model, the revision around it, the variables its
 * processes know, and where problems go.
 */
final class BpmnFile {

  static final String CAMUNDA_NS = ModelValidator.CAMUNDA_NS;
  /** Names the engine provides to expressions itself. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult", "authenticatedUserId",
      "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "variableScope", "connector");
  static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  static final Pattern SIMPLE_BEAN = Pattern.compile("\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");

  private final String file;
  private final BpmnModelInstance model;
  private final RevisionContents revision;
  private final List<ModelProblem> problems;
  private final Set<String> processKeys = new LinkedHashSet<>();
  private final Set<String> known = new HashSet<>();

  BpmnFile(String file, BpmnModelInstance model, RevisionContents revision, List<ModelProblem> problems) {
    this.file = file;
    this.model = model;
    this.revision = revision;
    this.problems = problems;
    model.getModelElementsByType(Process.class).forEach(process -> processKeys.add(process.getId()));
    knownVariables();
  }

  String file() {
    return file;
  }

  BpmnModelInstance model() {
    return model;
  }

  RevisionContents revision() {
    return revision;
  }

  ModelEnvironment environment() {
    return revision.environment();
  }

  /** The keys of this file's processes. */
  Set<String> processKeys() {
    return processKeys;
  }

  /** Whether the processes of this file know the variable (see {@link #knownVariables}). */
  boolean knows(String variable) {
    return known.contains(variable);
  }

  void problem(BaseElement element, ProblemText text) {
    problems.add(new ModelProblem(file, describe(element), text, element.getId()));
  }

  /** A problem of an element that is not a flow element or process (named by its id or its tag). */
  void problem(ModelProblem problem) {
    problems.add(problem);
  }

  /**
   * The variables this file's processes know: those their Java process contracts declare, the fields
   * of the forms their tasks and start events use, decision results ({@code camunda:resultVariable}
   * and the referenced decisions' outputs), the variables its delegates declare, what called processes
   * hand back ({@code camunda:out}), input/output mappings, multi-instance element variables, and the
   * engine's own names.
   */
  private void knownVariables() {
    known.addAll(ENGINE_NAMES);
    for (String key : processKeys) {
      known.addAll(environment().contractVariables(key));
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null && !isExpression(task.getCamundaFormRef())) {
        known.addAll(revision.formFields(task.getCamundaFormRef()));
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null && !isExpression(start.getCamundaFormRef())) {
        known.addAll(revision.formFields(start.getCamundaFormRef()));
      }
    }
    collectDeclared(model.getDocument().getRootElement());
  }

  private void collectDeclared(DomElement element) {
    for (String attribute : List.of("resultVariable", "elementVariable")) {
      String value = element.getAttribute(CAMUNDA_NS, attribute);
      if (!isBlank(value)) {
        known.add(value);
      }
    }
    Matcher delegate = SIMPLE_BEAN.matcher(String.valueOf(element.getAttribute(CAMUNDA_NS, "delegateExpression")));
    if (delegate.matches()) {
      known.addAll(environment().delegateVariables(delegate.group(1)));
    }
    String decisionRef = element.getAttribute(CAMUNDA_NS, "decisionRef");
    if (decisionRef != null) {
      known.addAll(revision.decisions().getOrDefault(decisionRef, Set.of()));
    }
    if (CAMUNDA_NS.equals(element.getNamespaceURI())) {
      String local = element.getLocalName();
      if ((local.equals("inputParameter") || local.equals("outputParameter")) && !isBlank(element.getAttribute("name"))) {
        known.add(element.getAttribute("name"));
      }
      if (local.equals("out") && !isBlank(element.getAttribute("target"))) {
        known.add(element.getAttribute("target"));
      }
    }
    element.getChildElements().forEach(this::collectDeclared);
  }

  static String describe(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null || name.isBlank() ? element.getId() : element.getId() + " (\"" + name + "\")";
  }

  static boolean isExpression(String value) {
    String v = value.trim();
    return v.startsWith("${") || v.startsWith("#{");
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
