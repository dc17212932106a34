package md.nrs.referral.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The gate refuses a timer whose documentation names no basis for its limit, naming the timer. */
class TimerBasisRuleTest {

  @Test
  void aTimerWithoutItsBasisIsRefusedNamingTheTimerAndAUserTaskIsLeftToTheLintWarning() {
    List<ModelProblem> problems = validate(model(null));

    assertThat(problems).extracting(ModelProblem::elementId).containsExactly("BoundaryEvent_Late");
    assertThat(problems.get(0).toString())
        .isEqualTo("processes/timed.bpmn: BoundaryEvent_Late (\"Late\"): is a timer whose documentation does not name "
            + "the basis of its time limit (a legal act with its number, e.g. Law 241/2005, or \"policy default\")");
    assertThat(problems.get(0).text().code()).isEqualTo(ProblemCode.TIMER_NO_BASIS);
  }

  @Test
  void theProblemReadsInRomanianAndRussianWithTheTimerAndTheWordsThePolicyOfficerMustWrite() {
    ModelProblem problem = validate(model(null)).get(0);
    md.nrs.referral.i18n.Translations translations = new md.nrs.referral.i18n.Translations();

    assertThat(problem.describe(translations, md.nrs.referral.i18n.Language.RO)).startsWith(
        "processes/timed.bpmn: BoundaryEvent_Late (\"Late\"): este un temporizator a cărui documentație nu numește temeiul")
        .contains("Law 241/2005", "\"policy default\"");
    assertThat(problem.message(translations, md.nrs.referral.i18n.Language.RU)).startsWith("является таймером")
        .contains("Law 241/2005", "\"policy default\"");
  }

  @Test
  void aTimerNamingALegalActWithItsNumberOrThePolicyDefaultPasses() {
    assertThat(validate(model("Time limit: 30 days. Basis: Law 241/2005 as amended."))).isEmpty();
    assertThat(validate(model("Time limit: 3 days. Basis: Policy default."))).isEmpty();
  }

  @Test
  void aLawWithoutItsNumberIsNoBasis() {
    assertThat(validate(model("Time limit: 3 days, as the law says."))).extracting(ModelProblem::elementId)
        .containsExactly("BoundaryEvent_Late");
  }

  private static BpmnModelInstance model(String timerDocumentation) {
    var timer = Bpmn.createExecutableProcess("timed").camundaHistoryTimeToLive(30).startEvent("StartEvent_A")
        .userTask("UserTask_Work").name("Work").boundaryEvent("BoundaryEvent_Late").name("Late");
    if (timerDocumentation != null) {
      timer.documentation(timerDocumentation);
    }
    return timer.timerWithDuration("P3D").endEvent("EndEvent_Late").moveToActivity("UserTask_Work").endEvent("EndEvent_B").done();
  }

  private static List<ModelProblem> validate(BpmnModelInstance model) {
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(xml, model);
    return new ModelValidator().validate(List.of(new ModelResource("processes/timed.bpmn", xml.toByteArray())), id -> true);
  }
}
