package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.impl.instance.DomElementImpl;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a set of models before it goes live — at start-up (processes/ and forms/) and at the gate every
 * later revision passes ({@link RevisionGate}). All problems are collected, so a policy officer fixes
 * them in one round. Rules:
 * <ul>
 *   <li>every file parses; every process and decision has a history time-to-live;</li>
 *   <li>every flow node and sequence flow has diagram layout (DI);</li>
 *   <li>a form, called process or decision that is referenced exists, deployed or in the revision;</li>
 *   <li>a delegate expression names a Spring bean of the platform, a Java class exists; no scripts;</li>
 *   <li>a fixed candidate group is a known agency, team or role;</li>
 *   <li>every timer names the basis of its time limit in its documentation ({@link TimerBasisRule});</li>
 *   <li>every variable an expression reads (gateway conditions, candidate groups, due dates, mappings…)
 *       is known to the process, and every field of a form is known to its contract (see
 *       {@link #knownVariables}).</li>
 * </ul>
 */
public class ModelValidator {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** Names the engine provides to expressions itself. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult", "authenticatedUserId",
      "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "variableScope", "connector");
  private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  private static final Pattern SIMPLE_BEAN = Pattern.compile("\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");

  private final ObjectMapper json = new ObjectMapper();

  /** Checks only what each file says about itself and the forms it references (the original start-up rules). */
  public List<ModelProblem> validate(List<ModelResource> resources, Predicate<String> alreadyDeployedForm) {
    return validate(resources, ModelEnvironment.permissive(alreadyDeployedForm));
  }

  public void requireValid(List<ModelResource> resources, Predicate<String> alreadyDeployedForm) {
    requireValid(resources, ModelEnvironment.permissive(alreadyDeployedForm));
  }

  public void requireValid(List<ModelResource> resources, ModelEnvironment environment) {
    List<ModelProblem> problems = validate(resources, environment);
    if (!problems.isEmpty()) {
      throw new InvalidModelsException(problems);
    }
  }

  public List<ModelProblem> validate(List<ModelResource> resources, ModelEnvironment environment) {
    List<ModelProblem> problems = new ArrayList<>();
    Map<String, FormFile> forms = forms(resources, problems);
    Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
    Set<String> revisionProcesses = new HashSet<>();
    Map<String, Set<String>> revisionDecisions = new HashMap<>(); // decision key -> output names
    for (ModelResource resource : resources) {
      if (resource.isBpmn()) {
        BpmnModelInstance model = parseBpmn(resource, problems);
        if (model != null) {
          bpmn.put(resource.name(), model);
          model.getModelElementsByType(Process.class).forEach(p -> revisionProcesses.add(p.getId()));
        }
      } else if (resource.isDmn()) {
        validateDmn(resource, revisionDecisions, problems);
      }
    }
    Revision revision = new Revision(forms, revisionProcesses, revisionDecisions, environment);
    bpmn.forEach((file, model) -> new BpmnCheck(file, model, revision, problems).run());
    checkFormFields(forms, bpmn, revision, problems);
    return problems;
  }

  /** What the revision itself brings, seen together with what is already deployed. */
  private record Revision(Map<String, FormFile> forms, Set<String> processes, Map<String, Set<String>> decisions,
      ModelEnvironment environment) {

    boolean formKnown(String id) {
      return forms.containsKey(id) || environment.formDeployed(id);
    }

    /** The fields of a form as the revision has it, or as its contract says when it is deployed already. */
    Set<String> formFields(String id) {
      FormFile file = forms.get(id);
      if (file != null) {
        return file.fields();
      }
      return environment.formContractFields(id).orElse(Set.of());
    }
  }

  private record FormFile(String file, String id, Set<String> fields) {
  }

  private Map<String, FormFile> forms(List<ModelResource> resources, List<ModelProblem> problems) {
    Map<String, FormFile> ids = new HashMap<>();
    for (ModelResource resource : resources) {
      if (!resource.isForm()) {
        continue;
      }
      try {
        JsonNode root = json.readTree(resource.content());
        JsonNode id = root.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
          problems.add(new ModelProblem(resource.name(), null, "the form has no \"id\"; user tasks reference forms by it"));
          continue;
        }
        Set<String> fields = new LinkedHashSet<>();
        collectFieldKeys(root, fields);
        FormFile previous = ids.putIfAbsent(id.asText(), new FormFile(resource.name(), id.asText(), fields));
        if (previous != null) {
          problems.add(new ModelProblem(resource.name(), id.asText(), "form id is already used by " + previous.file()));
        }
      } catch (Exception e) {
        problems.add(new ModelProblem(resource.name(), null, "not a readable form (JSON): " + firstLine(e)));
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

  private BpmnModelInstance parseBpmn(ModelResource resource, List<ModelProblem> problems) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
    } catch (Exception e) {
      problems.add(new ModelProblem(resource.name(), null, "not a valid BPMN model: " + firstLine(e)));
      return null;
    }
  }

  /** The checks of one BPMN file. */
  private final class BpmnCheck {
    private final String file;
    private final BpmnModelInstance model;
    private final Revision revision;
    private final ModelEnvironment environment;
    private final List<ModelProblem> problems;
    private final Set<String> known = new HashSet<>();
    private final Set<String> processKeys = new LinkedHashSet<>();

    BpmnCheck(String file, BpmnModelInstance model, Revision revision, List<ModelProblem> problems) {
      this.file = file;
      this.model = model;
      this.revision = revision;
      this.environment = revision.environment();
      this.problems = problems;
    }

    void run() {
      for (Process process : model.getModelElementsByType(Process.class)) {
        processKeys.add(process.getId());
        if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
          problem(process, "the process has no history time-to-live (camunda:historyTimeToLive)");
        }
      }
      checkDiagram();
      problems.addAll(TimerBasisRule.check(file, model));
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkForm(task, task.getCamundaFormRef(), task.getCamundaFormKey());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        checkForm(start, start.getCamundaFormRef(), start.getCamundaFormKey());
      }
      knownVariables();
      walk(((Document) model.getDocument().getDomSource().getNode()).getDocumentElement(), null);
    }

    private void checkDiagram() {
      Set<String> shapes = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> {
        if (s.getBpmnElement() != null) {
          shapes.add(s.getBpmnElement().getId());
        }
      });
      Set<String> edges = new HashSet<>();
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> {
        if (e.getBpmnElement() != null) {
          edges.add(e.getBpmnElement().getId());
        }
      });
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) {
          problem(node, "has no diagram layout (no shape in the diagram), so Cockpit and Modeler cannot show it");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(flow.getId())) {
          problem(flow, "has no diagram layout (no arrow in the diagram), so Cockpit and Modeler cannot show it");
        }
      }
    }

    private void checkForm(BaseElement element, String formRef, String formKey) {
      if (formKey != null && formKey.startsWith("camunda-forms:")) {
        problem(element, "references a form by deployment path (" + formKey + "); use camunda:formRef with the form's id");
      }
      if (formRef != null && !isExpression(formRef) && !revision.formKnown(formRef)) {
        problem(element, "references form '" + formRef + "', which is not deployed and not in forms/");
      }
    }

    /**
     * The variables this file's processes know: those their Java process contracts declare, the fields
     * of the forms their tasks and start events use, decision results ({@code camunda:resultVariable}
     * and the referenced decisions' outputs), the variables its delegates declare, what called processes
     * hand back ({@code camunda:out}),
     * input/output mappings, multi-instance element variables, and the engine's own names.
     */
    private void knownVariables() {
      known.addAll(ENGINE_NAMES);
      for (String key : processKeys) {
        known.addAll(environment.contractVariables(key));
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
        known.addAll(environment.delegateVariables(delegate.group(1)));
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

    /** Visits every XML element, remembering the nearest flow element or process to name in a problem. */
    private void walk(Element element, BaseElement owner) {
      String id = element.getAttribute("id");
      if (!id.isEmpty()) {
        ModelElementInstance instance = model.getModelElementById(id);
        if (instance instanceof FlowElement || instance instanceof Process) {
          owner = (BaseElement) instance;
        }
      }
      if (owner != null) {
        checkElement(new DomElementImpl(element), owner);
        checkExpressions(element, owner);
      } else {
        checkExpressionsOutsideProcesses(element);
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          walk(childElement, owner);
        }
      }
    }

    private void checkElement(DomElement element, BaseElement owner) {
      String local = element.getLocalName();
      if ("scriptTask".equals(local) || ("script".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI()))
          || element.getAttribute("scriptFormat") != null || element.getAttribute(CAMUNDA_NS, "resource") != null
          || ("conditionExpression".equals(local) && !isBlank(element.getAttribute("language")))) {
        problem(owner, "contains a script; models may not run code — use a service task with a platform delegate");
      }
      if ("connector".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI())) {
        problem(owner, "uses a connector; models may not call other systems themselves — use a platform delegate");
      }
      for (String attribute : List.of("delegateExpression", "variableMappingDelegateExpression")) {
        String delegate = element.getAttribute(CAMUNDA_NS, attribute);
        if (delegate != null) {
          checkDelegate(owner, delegate);
        }
      }
      for (String attribute : List.of("class", "variableMappingClass", "formHandlerClass")) {
        String className = element.getAttribute(CAMUNDA_NS, attribute);
        if (className != null && !environment.classExists(className.trim())) {
          problem(owner, "names Java class '" + className.trim() + "', which does not exist in the platform");
        } else if (className != null) {
          problem(owner, "names Java class '" + className.trim() + "' (camunda:" + attribute + "); models may not name "
              + "classes — use a delegate expression naming a platform delegate, e.g. ${countFollowUp}");
        }
      }
      String called = element.getAttribute(CAMUNDA_NS, "calledElement");
      if (called == null && "callActivity".equals(local)) {
        called = element.getAttribute("calledElement");
      }
      if (called != null && !isExpression(called) && !revision.processes().contains(called)
          && !environment.processDeployed(called)) {
        problem(owner, "calls process '" + called + "', which is not deployed and not in this revision");
      }
      String decision = element.getAttribute(CAMUNDA_NS, "decisionRef");
      if (decision != null && !isExpression(decision) && !revision.decisions().containsKey(decision)
          && !environment.decisionDeployed(decision)) {
        problem(owner, "uses decision '" + decision + "', which is not deployed and not in this revision");
      }
      String groups = element.getAttribute(CAMUNDA_NS, "candidateGroups");
      if (groups != null && !isExpression(groups.trim())) {
        for (String group : groups.split(",")) {
          if (!group.isBlank() && !environment.groupKnown(group.trim())) {
            problem(owner, "has candidate group '" + group.trim() + "', which is not a known agency, team or role");
          }
        }
      }
      if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "in".equals(local) && element.getAttribute("source") != null) {
        checkVariable(owner, element.getAttribute("source").trim(), "what it passes to the called process");
      }
    }

    /** A delegate expression must be exactly ${name} of a platform delegate: nothing else is evaluated as code. */
    private void checkDelegate(BaseElement owner, String delegate) {
      Matcher bean = SIMPLE_BEAN.matcher(delegate);
      if (!bean.matches()) {
        problem(owner, "has a delegate expression that does not name a platform delegate; write it as ${delegateName}");
      } else if (!environment.beanExists(bean.group(1))) {
        problem(owner, "names delegate '" + bean.group(1) + "' (" + delegate.trim()
            + "), but the platform has no such delegate — check the spelling");
      } else if (!environment.isPlatformDelegate(bean.group(1))) {
        problem(owner, "names '" + bean.group(1) + "', which is not one of the platform's delegates or listeners");
      }
    }

    /** Every attribute and text of the element that holds an expression (delegate expressions aside). */
    private void checkExpressions(Element element, BaseElement owner) {
      ModelExpressions.of(element).forEach(found -> {
        if (!"delegateExpression".equals(found.name()) && !"variableMappingDelegateExpression".equals(found.name())) {
          checkExpression(owner, found.text(), found.where());
        }
      });
    }

    /** Message, signal or error names and the like are evaluated too: same allow-list, no variables to know. */
    private void checkExpressionsOutsideProcesses(Element element) {
      ModelExpressions.of(element).forEach(found -> {
        for (String refusal : ExpressionAllowList.check(found.text(), name -> true).refusals()) {
          String id = element.getAttribute("id");
          problems.add(new ModelProblem(file, id.isEmpty() ? element.getLocalName() : id,
              "has an expression in " + found.where() + " that is not allowed: it " + refusal, id.isEmpty() ? null : id));
        }
      });
    }

    private void checkExpression(BaseElement owner, String text, String where) {
      ExpressionAllowList.Verdict verdict = ExpressionAllowList.check(text, known::contains);
      for (String refusal : verdict.refusals()) {
        problem(owner, "has an expression in " + where + " that is not allowed: it " + refusal);
      }
      for (String name : verdict.unknownNames()) {
        if (environment.checksVariables() && environment.beanExists(name) && !EL_KEYWORDS.contains(name)) {
          problem(owner, "names the platform's bean '" + name + "' in " + where
              + "; beans may be named only as a whole delegate expression (${" + name + "})");
        } else {
          checkVariable(owner, name, where);
        }
      }
    }

    private void checkVariable(BaseElement owner, String name, String where) {
      if (!environment.checksVariables() || name.isEmpty() || EL_KEYWORDS.contains(name) || known.contains(name)) {
        return;
      }
      problem(owner, "uses variable '" + name + "' in " + where + ", but no form, decision result, called process, "
          + "mapping or the process contract of '" + String.join("', '", processKeys) + "' declares it");
    }

    private void problem(BaseElement element, String message) {
      problems.add(new ModelProblem(file, describe(element), message, element.getId()));
    }
  }

  /**
   * A form field is known if the form's server-side contract (@FormContract record) has it; a form
   * without a Java contract is checked against the contracts of the processes that use it (a process
   * without a Java contract is defined by its forms).
   */
  private void checkFormFields(Map<String, FormFile> forms, Map<String, BpmnModelInstance> bpmn, Revision revision,
      List<ModelProblem> problems) {
    ModelEnvironment environment = revision.environment();
    if (!environment.checksVariables()) {
      return;
    }
    for (FormFile form : forms.values()) {
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
          problems.add(new ModelProblem(form.file(), form.id(), "field '" + field + "' is unknown to "
              + (contract.isPresent() ? "the form's contract on the server, so every submission would be refused"
                  : "the contract of the process that uses the form")));
        }
      }
    }
  }

  private static boolean usesForm(BpmnModelInstance model, String formId) {
    return model.getModelElementsByType(UserTask.class).stream().anyMatch(t -> formId.equals(t.getCamundaFormRef()))
        || model.getModelElementsByType(StartEvent.class).stream().anyMatch(s -> formId.equals(s.getCamundaFormRef()));
  }

  private void validateDmn(ModelResource resource, Map<String, Set<String>> decisions, List<ModelProblem> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
    } catch (Exception e) {
      problems.add(new ModelProblem(resource.name(), null, "not a valid DMN model: " + firstLine(e)));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      Set<String> outputs = new HashSet<>();
      decision.getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class)
          .forEach(table -> table.getOutputs().stream().map(Output::getName).filter(n -> n != null).forEach(outputs::add));
      decisions.put(decision.getId(), outputs);
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        problems.add(new ModelProblem(resource.name(), describeDecision(decision),
            "the decision has no history time-to-live (camunda:historyTimeToLive)", decision.getId()));
      }
    }
    DmnExpressionRules.check(resource, model, problems);
  }

  static String describe(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null || name.isBlank() ? element.getId() : element.getId() + " (\"" + name + "\")";
  }

  static String describeDecision(Decision decision) {
    String name = decision.getName();
    return name == null || name.isBlank() ? decision.getId() : decision.getId() + " (\"" + name + "\")";
  }

  private static boolean isExpression(String value) {
    String v = value.trim();
    return v.startsWith("${") || v.startsWith("#{");
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
