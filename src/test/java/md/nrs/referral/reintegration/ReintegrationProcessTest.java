package md.nrs.referral.reintegration;

import static md.nrs.referral.reintegration.ReintegrationProcess.CASE_CODE;
import static md.nrs.referral.reintegration.ReintegrationProcess.MINOR;
import static md.nrs.referral.reintegration.ReintegrationProcess.PLAN_NOTE;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMMES;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_AGENCY;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_NOTE;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_OUTCOME;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_OUTCOMES;
import static md.nrs.referral.reintegration.ReintegrationProcess.REINTEGRATION_OUTCOME;
import static md.nrs.referral.reintegration.ReintegrationProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.reintegration.ReintegrationProcess.REVIEW_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.reintegration.ReintegrationProcess.Elements;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

@ProcessTest
class ReintegrationProcessTest extends CalledProcessTestSupport {

  @Test
  void deploysWithTheProgrammeRoutingTable() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ReintegrationProcess.KEY).latestVersion().singleResult()).isNotNull();
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(ReintegrationProcess.ROUTING_DECISION).latestVersion().singleResult()).isNotNull();
  }

  @Test
  void theRoutingTableNamesTheAgencyOfEachProgramme() {
    assertThat(agencyFor("family-community", false)).isEqualTo("community-social-workers");
    assertThat(agencyFor("family-community", true)).isEqualTo("community-social-workers");
    assertThat(agencyFor("education", false)).isEqualTo("la-strada");
    assertThat(agencyFor("education", true)).isEqualTo("community-social-workers");
    assertThat(agencyFor("vocational-training", false)).isEqualTo("cap-chisinau");
    assertThat(agencyFor("vocational-training", true)).isEqualTo("cap-chisinau");
    assertThat(agencyFor("employment", false)).isEqualTo("cap-chisinau");
  }

  @Test
  void educationForAPersonOfUnknownAgeGoesWhereAChildsWould() {
    assertThat(agencyFor("education", null)).isEqualTo("community-social-workers");
  }

  @Test
  void theTeamPlansEachAgencyFollowsItsProgrammeAndTheTeamClosesTheReintegrationAsCompleted() {
    ProcessInstance reintegration = start(false);

    assertThat(reintegration).isWaitingAt(Elements.PLAN);
    assertThat(task(reintegration)).hasCandidateGroup("mdt-chisinau");
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("family-community", "education", "employment"),
        PLAN_NOTE.name(), "Return to the home village agreed; evening classes wanted"));

    assertThat(reintegration).isWaitingAt(Elements.FOLLOW_PROGRAMME);
    assertThat(followTasks(reintegration)).extracting(t -> engine.getTaskService().getVariable(t.getId(),
        PROGRAMME.name()),
            t -> candidateGroupOf(t))
        .containsExactlyInAnyOrder(tuple("family-community", "community-social-workers"), tuple("education", "la-strada"),
            tuple("employment", "cap-chisinau"));
    assertThat(outboxOf(reintegration)).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactlyInAnyOrder(tuple("community-social-workers", Elements.FOLLOW_PROGRAMME),
            tuple("la-strada", Elements.FOLLOW_PROGRAMME), tuple("cap-chisinau", Elements.FOLLOW_PROGRAMME));
    assertThat(outboxOf(reintegration)).extracting(OutboxEntry::getRequest)
        .contains("Run the education reintegration programme and report its outcome");

    complete(followTask(reintegration, "family-community"), Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "completed"));
    complete(followTask(reintegration, "education"), Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "ongoing-but-stable",
        PROGRAMME_NOTE.name(), "Enrolled for the school year"));
    assertThat(reintegration).isWaitingAt(Elements.FOLLOW_PROGRAMME);
    complete(followTask(reintegration, "employment"), Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "completed"));

    assertThat(reintegration).isWaitingAt(Elements.REVIEW);
    assertThat(task(reintegration)).hasCandidateGroup("mdt-chisinau");
    assertThat(variable(reintegration, PROGRAMME_OUTCOMES)).containsExactly(
        "family-community (community-social-workers): completed", "education (la-strada): ongoing-but-stable",
        "employment (cap-chisinau): completed");

    complete(task(reintegration), Map.of(ReintegrationProcess.REINTEGRATION_OUTCOME.name(), "completed"));
    assertThat(reintegration).isEnded().hasPassed(Elements.COMPLETED).hasNotPassed(Elements.DISCONTINUED)
        .variables().containsEntry(REINTEGRATION_OUTCOME.name(), "completed");
  }

  @Test
  void eachProgrammeKeepsItsOwnAgencyAndOutcome() {
    ProcessInstance reintegration = start(true);
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("education", "vocational-training")));

    Task education = followTask(reintegration, "education");
    Task training = followTask(reintegration, "vocational-training");
    assertThat(engine.getTaskService().getVariable(education.getId(),
        PROGRAMME_AGENCY.name())).isEqualTo("community-social-workers");
    assertThat(engine.getTaskService().getVariable(training.getId(),
        PROGRAMME_AGENCY.name())).isEqualTo("cap-chisinau");
    assertThat(education).hasCandidateGroup("community-social-workers");
    assertThat(training).hasCandidateGroup("cap-chisinau");

    complete(education, Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "discontinued",
        PROGRAMME_NOTE.name(), "Moved to another district"));
    assertThat(engine.getTaskService().getVariable(training.getId(), PROGRAMME_OUTCOME.name())).isNull();
    assertThat(engine.getRuntimeService().getVariablesLocal(reintegration.getId()))
        .doesNotContainKeys(PROGRAMME.name(), PROGRAMME_AGENCY.name(), PROGRAMME_OUTCOME.name());
  }

  @Test
  void aChildsPlanWithoutEducationIsRefusedTheChildKeepsGoingToSchool() {
    ProcessInstance reintegration = start(true);
    Task plan = task(reintegration);

    assertThatThrownBy(() -> complete(plan, Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("family-community"))))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("programmes: must include education for a child: the child keeps going to school");
    assertThat(reintegration).isWaitingAt(Elements.PLAN);

    complete(plan, FormSubmission.of(new PlanReintegrationForm(List.of("family-community", ReintegrationProcess.EDUCATION),
        "Back to her old school in September")));
    assertThat(followTask(reintegration, ReintegrationProcess.EDUCATION)).hasCandidateGroup("community-social-workers");
  }

  @Test
  void anAdultsPlanNeedsNoEducation() {
    ProcessInstance reintegration = start(false);
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("employment")));
    assertThat(followTasks(reintegration)).singleElement().satisfies(t -> assertThat(t).hasCandidateGroup("cap-chisinau"));
  }

  @Test
  void aChecklistSubmittedByTasklistAsJsonIsReadAsTheListOfProgrammes() {
    ProcessInstance reintegration = start(false);

    engine.getTaskService().complete(task(reintegration).getId(), Variables.createVariables()
        .putValueTyped(PROGRAMMES.name(), SpinValues.jsonValue("[\"employment\",\"vocational-training\",\"employment\"]").create()));

    assertThat(variable(reintegration, PROGRAMMES)).containsExactly("employment", "vocational-training");
    assertThat(followTasks(reintegration)).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("cap-chisinau"));
  }

  @Test
  void theTeamMayDiscontinueTheReintegrationWithAReason() {
    ProcessInstance reintegration = start(false);
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("vocational-training")));
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "discontinued",
        PROGRAMME_NOTE.name(), "Stopped attending"));
    assertThat(reintegration).isWaitingAt(Elements.REVIEW);

    complete(task(reintegration), Map.of(ReintegrationProcess.REINTEGRATION_OUTCOME.name(), "discontinued",
        REVIEW_NOTE.name(), "Left the country"));

    assertThat(reintegration).isEnded().hasPassed(Elements.DISCONTINUED)
        .variables().containsEntry(REINTEGRATION_OUTCOME.name(), "discontinued");
  }

  @Test
  void aPlanWithoutAnyProgrammeIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance reintegration = start(false);
    Task plan = task(reintegration);

    assertThatThrownBy(() -> complete(plan, Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of(),
        PLAN_NOTE.name(), "To be decided")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("programmes: choose at least one programme");
    assertThatThrownBy(() -> complete(plan, Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("housing"))))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("is not one of the choices");

    assertThat(reintegration).isWaitingAt(Elements.PLAN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(plan.getId()).count()).isEqualTo(1);
  }

  @Test
  void aDiscontinuedProgrammeWithoutANoteIsRefused() {
    ProcessInstance reintegration = start(false);
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("family-community")));

    assertThatThrownBy(() -> complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "discontinued")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("programmeNote: is required when the programme was discontinued");
    assertThat(reintegration).isWaitingAt(Elements.FOLLOW_PROGRAMME);
  }

  @Test
  void aDiscontinuedReintegrationWithoutAReasonIsRefused() {
    ProcessInstance reintegration = start(false);
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMMES.name(), List.of("family-community")));
    complete(task(reintegration), Map.of(ReintegrationProcess.PROGRAMME_OUTCOME.name(), "completed"));

    assertThatThrownBy(() -> complete(task(reintegration), Map.of(ReintegrationProcess.REINTEGRATION_OUTCOME.name(), "discontinued")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("reviewNote: is required when the reintegration is discontinued");
    assertThat(reintegration).isWaitingAt(Elements.REVIEW);
  }

  private ProcessInstance start(boolean minor) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), minor);
    variables.put(RESPONSIBLE_TEAM.name(), "mdt-chisinau");
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(ReintegrationProcess.KEY, caseCode, variables));
  }

  private String agencyFor(String programme, Boolean minor) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(PROGRAMME.name(), programme);
    inputs.put(MINOR.name(), minor);
    return engine.getDecisionService().evaluateDecisionTableByKey(ReintegrationProcess.ROUTING_DECISION, inputs)
        .getSingleEntry();
  }

  private List<Task> followTasks(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.FOLLOW_PROGRAMME).list();
  }

  private Task followTask(ProcessInstance instance, String programme) {
    return followTasks(instance).stream()
        .filter(t -> programme.equals(engine.getTaskService().getVariable(t.getId(), PROGRAMME.name())))
        .findFirst().orElseThrow();
  }

  private String candidateGroupOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
  }

  private void complete(Task task, Map<String, Object> form) {
    engine.getTaskService().complete(task.getId(), form);
  }

  @SuppressWarnings("unchecked")
  private <T> T variable(ProcessInstance instance, ProcessVariable<T> variable) {
    return (T) engine.getRuntimeService().getVariable(instance.getId(), variable.name());
  }
}
