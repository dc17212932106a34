package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;

/** What the gate counts as a variable the process knows, one source at a time. */
class ModelValidatorKnownVariablesTest {

  private final ModelValidator validator = new ModelValidator();

  /** A platform with one delegate ("countVisit", declaring "visitsDone"), one form contract and one process contract. */
  private final ModelEnvironment platform = new ModelEnvironment() {
    @Override public boolean formDeployed(String formId) { return formId.equals("visit-form"); }
    @Override public boolean processDeployed(String processKey) { return false; }
    @Override public boolean decisionDeployed(String decisionKey) { return true; }
    @Override public boolean beanExists(String beanName) { return beanName.equals("countVisit"); }
    @Override public boolean classExists(String className) { return false; }
    @Override public boolean groupKnown(String groupId) { return groupId.equals("la-strada"); }
    @Override public Set<String> contractVariables(String processKey) {
      return processKey.equals("with-contract") ? Set.of("caseCode", "minor") : Set.of();
    }
    @Override public Set<String> delegateVariables(String beanName) {
      return beanName.equals("countVisit") ? Set.of("visitsDone") : Set.of();
    }
    @Override public Optional<Set<String>> formContractFields(String formId) {
      return formId.equals("visit-form") ? Optional.of(Set.of("visitedOn", "newRisk")) : Optional.empty();
    }
  };

  @Test
  void aConditionMayReadAVariableOfTheProcessContract() {
    assertThat(problems(gatewayReading("with-contract", "${minor}"))).isEmpty();
  }

  @Test
  void aConditionMayReadAFieldOfAFormTheProcessUses() {
    var model = Bpmn.createExecutableProcess("by-form").camundaHistoryTimeToLive(30).startEvent("StartEvent_A")
        .userTask("UserTask_Visit").camundaFormRef("visit-form").camundaCandidateGroups("la-strada");
    assertThat(problems(withGateway(model, "${newRisk}"))).isEmpty();
  }

  @Test
  void aConditionMayReadWhatADelegateOfTheProcessDeclares() {
    var model = Bpmn.createExecutableProcess("by-delegate").camundaHistoryTimeToLive(30).startEvent("StartEvent_A")
        .serviceTask("ServiceTask_CountVisit").camundaDelegateExpression("${countVisit}");
    assertThat(problems(withGateway(model, "${visitsDone > 3}"))).isEmpty();
  }

  @Test
  void aConditionMayReadADecisionResultAndStringsAndFunctionsAreNotVariables() {
    var model = Bpmn.createExecutableProcess("by-decision").camundaHistoryTimeToLive(30).startEvent("StartEvent_A")
        .businessRuleTask("BusinessRuleTask_Triage").camundaDecisionRef("triage").camundaResultVariable("triage")
        .camundaMapDecisionResult("singleResult");
    assertThat(problems(withGateway(model, "${triage.pathway == 'child' and not empty now()}"))).isEmpty();
  }

  @Test
  void anUnknownVariableIsNamedWithTheFlowThatReadsIt() {
    assertThat(problems(gatewayReading("with-contract", "${minr}"))).singleElement().hasToString(
        "processes/x.bpmn: Flow_Yes (\"yes\"): uses variable 'minr' in its condition, but no form, decision result, "
            + "called process, mapping or the process contract of 'with-contract' declares it");
  }

  @Test
  void aFormWithoutAJavaContractMayOnlyAskForWhatTheProcessContractDeclares() {
    var model = Bpmn.createExecutableProcess("with-contract").camundaHistoryTimeToLive(30).startEvent("StartEvent_A")
        .userTask("UserTask_Ask").camundaFormRef("ask-form").camundaCandidateGroups("la-strada").endEvent("EndEvent_B").done();
    String form = "{\"id\": \"ask-form\", \"components\": [{\"key\": \"minor\"}, {\"key\": \"shoeSize\"}]}";

    List<ModelProblem> problems = validator.validate(List.of(bpmn(model),
        new ModelResource("forms/ask-form.form", form.getBytes(StandardCharsets.UTF_8))), platform);

    assertThat(problems).singleElement().hasToString(
        "forms/ask-form.form: ask-form: field 'shoeSize' is unknown to the contract of the process that uses the form");
  }

  private BpmnModelInstance gatewayReading(String key, String condition) {
    return withGateway(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30).startEvent("StartEvent_A"), condition);
  }

  private static BpmnModelInstance withGateway(AbstractFlowNodeBuilder<?, ?> before, String condition) {
    return before.exclusiveGateway("Gateway_Decide").sequenceFlowId("Flow_Yes").condition("yes", condition)
        .endEvent("EndEvent_Yes").moveToLastGateway().sequenceFlowId("Flow_No").endEvent("EndEvent_No").done();
  }

  private List<ModelProblem> problems(BpmnModelInstance model) {
    return validator.validate(List.of(bpmn(model)), platform);
  }

  private static ModelResource bpmn(BpmnModelInstance model) {
    return new ModelResource("processes/x.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

}
