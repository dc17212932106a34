package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Checks a set of models before it goes live — at start-up (processes/ and forms/) and at the gate every
 * later revision passes ({@link RevisionGate}). All problems are collected, so a policy officer fixes
 * them in one round. Each rule is a class of its own; this class reads the files and runs the rules:
 * <ul>
 *   <li>every file parses; every process and decision has a history time-to-live
 *       ({@link ProcessHistoryTimeToLiveRule}, {@link ModelFiles});</li>
 *   <li>every flow node and sequence flow has diagram layout ({@link DiagramLayoutRule});</li>
 *   <li>a form, called process or decision that is referenced exists, deployed or in the revision
 *       ({@link FormReferenceRule}, {@link ReferencedModelsRule});</li>
 *   <li>no scripts or connectors; a delegate expression names a platform delegate, no Java classes
 *       ({@link NoScriptsOrConnectorsRule}, {@link DelegateRule});</li>
 *   <li>a fixed candidate group is a known agency, team or role ({@link CandidateGroupRule});</li>
 *   <li>every timer names the basis of its time limit in its documentation ({@link TimerBasisRule});</li>
 *   <li>every expression keeps to the allow-list and every variable it reads is known to the process
 *       ({@link ExpressionRule}, {@link BpmnFile}), and every field of a form is known to its contract
 *       ({@link FormFieldsRule}).</li>
 * </ul>
 * A new rule is one more class in {@link #BPMN_RULES}, {@link #ELEMENT_RULES} or {@link #REVISION_RULES}.
 */
public class ModelValidator {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** Rules about single elements, run on every XML element of a BPMN file in document order. */
  private static final List<ElementRule> ELEMENT_RULES = List.of(new NoScriptsOrConnectorsRule(), new DelegateRule(),
      new ReferencedModelsRule(), new CandidateGroupRule(), new ExpressionRule());
  /** Rules about each BPMN file, in the order their problems are listed. */
  private static final List<BpmnRule> BPMN_RULES = List.of(new ProcessHistoryTimeToLiveRule(), new DiagramLayoutRule(),
      new TimerBasisRule(),
      new FormReferenceRule(), new ElementRules(ELEMENT_RULES));
  /** Rules about the revision as a whole. */
  private static final List<RevisionRule> REVISION_RULES = List.of(new FormFieldsRule());

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
    Map<String, RevisionContents.FormFile> forms = ModelFiles.forms(resources, problems);
    Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
    Set<String> revisionProcesses = new HashSet<>();
    Map<String, Set<String>> revisionDecisions = new HashMap<>(); // decision key -> output names
    for (ModelResource resource : resources) {
      if (resource.isBpmn()) {
        BpmnModelInstance model = ModelFiles.bpmn(resource, problems);
        if (model != null) {
          bpmn.put(resource.name(), model);
          model.getModelElementsByType(Process.class).forEach(p -> revisionProcesses.add(p.getId()));
        }
      } else if (resource.isDmn()) {
        ModelFiles.dmn(resource, revisionDecisions, problems);
      }
    }
    RevisionContents revision = new RevisionContents(forms, revisionProcesses, revisionDecisions, environment);
    bpmn.forEach((file, model) -> {
      BpmnFile checked = new BpmnFile(file, model, revision, problems);
      BPMN_RULES.forEach(rule -> rule.check(checked));
    });
    REVISION_RULES.forEach(rule -> rule.check(revision, bpmn, problems));
    return problems;
  }

  static String describeDecision(Decision decision) {
    String name = decision.getName();
    return name == null || name.isBlank() ? decision.getId() : decision.getId() + " (\"" + name + "\")";
  }
}
