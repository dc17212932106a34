package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

  private final ModelValidator validator = new ModelValidator();

  @Test
  void acceptsAProcessWithHistoryTimeToLiveAndAFormThatIsInForms() {
    List<ModelResource> models = List.of(
        bpmn("processes/intake.bpmn", process("intake").camundaHistoryTimeToLive(180), "register-referral"),
        form("forms/register-referral.form", "register-referral"));

    assertThat(validator.validate(models, id -> false)).isEmpty();
  }

  @Test
  void acceptsAFormReferenceThatAnEarlierDeploymentProvides() {
    List<ModelResource> models = List.of(
        bpmn("processes/intake.bpmn", process("intake").camundaHistoryTimeToLive(180), "register-referral"));

    assertThat(validator.validate(models, "register-referral"::equals)).isEmpty();
  }

  @Test
  void namesTheFileAndTheTaskWhenAReferencedFormIsMissing() {
    List<ModelResource> models = List.of(
        bpmn("processes/intake.bpmn", process("intake").camundaHistoryTimeToLive(180), "no-such-form"));

    assertThat(validator.validate(models, id -> false)).singleElement().hasToString(
        "processes/intake.bpmn: UserTask_Work (\"Work\"): references form 'no-such-form', which is not deployed and not in forms/");
  }

  @Test
  void namesTheFileAndTheProcessWhenHistoryTimeToLiveIsMissing() {
    List<ModelResource> models = List.of(bpmn("processes/intake.bpmn", withoutTimeToLive("intake"), null));

    assertThat(validator.validate(models, id -> false)).singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("processes/intake.bpmn"))
        .satisfies(p -> assertThat(p.element()).startsWith("intake"))
        .satisfies(p -> assertThat(p.message()).contains("history time-to-live"));
  }

  @Test
  void reportsAFileThatIsNotBpmnAtAll() {
    List<ModelResource> models = List.of(new ModelResource("processes/half-saved.bpmn", bytes("<bpmn:definitions")));

    assertThat(validator.validate(models, id -> false)).singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("processes/half-saved.bpmn: not a valid BPMN model"));
  }

  @Test
  void refusesFormsReferencedByDeploymentPath() {
    var builder = process("intake").camundaHistoryTimeToLive(180).startEvent("StartEvent_Referral")
        .camundaFormKey("camunda-forms:deployment:forms/register-referral.form").endEvent("EndEvent_Done");
    List<ModelResource> models = List.of(new ModelResource("processes/intake.bpmn",
        bytes(Bpmn.convertToString(builder.done()))));

    assertThat(validator.validate(models, id -> true)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("use camunda:formRef"));
  }

  @Test
  void reportsDecisionsWithoutHistoryTimeToLive() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Triage" name="Triage"
                     namespace="http://nrs.md/dmn">
          <decision id="referral-triage" name="Referral triage">
            <decisionTable id="DecisionTable_Triage">
              <input id="Input_Minor"><inputExpression id="InputExpression_Minor" typeRef="boolean"><text>minor</text></inputExpression></input>
              <output id="Output_Urgency" name="urgency" typeRef="string"/>
            </decisionTable>
          </decision>
        </definitions>
        """;
    List<ModelResource> models = List.of(new ModelResource("processes/referral-triage.dmn", bytes(dmn)));

    assertThat(validator.validate(models, id -> false)).singleElement()
        .hasToString("processes/referral-triage.dmn: referral-triage (\"Referral triage\"): "
            + "the decision has no history time-to-live (camunda:historyTimeToLive)");
  }

  @Test
  void reportsFormsWithoutIdOrWithADuplicateId() {
    List<ModelResource> models = List.of(
        new ModelResource("forms/a.form", bytes("{\"components\": []}")),
        form("forms/b.form", "consent"),
        form("forms/c.form", "consent"),
        new ModelResource("forms/d.form", bytes("{not json")));

    assertThat(validator.validate(models, id -> false)).extracting(ModelProblem::toString).satisfiesExactly(
        a -> assertThat(a).isEqualTo("forms/a.form: the form has no \"id\"; user tasks reference forms by it"),
        c -> assertThat(c).isEqualTo("forms/c.form: consent: form id is already used by forms/b.form"),
        d -> assertThat(d).startsWith("forms/d.form: not a readable form (JSON): "));
  }

  @Test
  void requireValidListsEveryProblemInOneMessage() {
    List<ModelResource> models = List.of(
        bpmn("processes/a.bpmn", withoutTimeToLive("a"), null),
        bpmn("processes/b.bpmn", process("b").camundaHistoryTimeToLive(1), "missing"));

    assertThatThrownBy(() -> validator.requireValid(models, id -> false))
        .isInstanceOf(InvalidModelsException.class)
        .hasMessageContaining("2 problem(s)")
        .hasMessageContaining("processes/a.bpmn")
        .hasMessageContaining("processes/b.bpmn");
  }

  private static ProcessBuilder process(String key) {
    return Bpmn.createExecutableProcess(key).name(key);
  }

  /** The fluent builder sets a default time-to-live; a model drawn in Modeler may have none. */
  private static ProcessBuilder withoutTimeToLive(String key) {
    return process(key).camundaHistoryTimeToLiveString(null);
  }

  private static ModelResource bpmn(String name, ProcessBuilder process, String formRef) {
    var task = process.startEvent("StartEvent_Start").userTask("UserTask_Work").name("Work");
    if (formRef != null) {
      task = task.camundaFormRef(formRef);
    }
    return new ModelResource(name, bytes(Bpmn.convertToString(task.endEvent("EndEvent_End").done())));
  }

  private static ModelResource form(String name, String id) {
    return new ModelResource(name, bytes("{\"id\": \"" + id + "\", \"type\": \"default\", \"components\": []}"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
