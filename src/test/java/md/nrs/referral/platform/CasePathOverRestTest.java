package md.nrs.referral.platform;

import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_REASON;
import static md.nrs.referral.casepath.NrsCaseProcess.MONITORING_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.REINTEGRATION_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.REPATRIATION_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.SHELTER_OUTCOME;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.casepath.ApproveAssistancePlanForm;
import md.nrs.referral.casepath.EmergencyAssistanceConsentForm;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.shelter.ShelterPlacementProcess;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Whole cases through the running application over REST, as the users of each agency would drive
 * them: every task completed by a member of the agency or team the task is for, submitted the way
 * Tasklist submits (checklists as JSON), timers fired by an operator. The engine is only read from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-case-path-rest;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePathOverRestTest {

  private static final String PASSWORD = "Test#Secret-2026";
  /** One member per agency, team or role that has work on a case. */
  private static final List<String> GROUPS = List.of("la-strada", "iom", "mdt-chisinau", "cap-chisinau", "womens-initiative",
      "community-social-workers", "guardianship-chisinau", "interaction", "resonance", "nrs-coordinators");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    for (String group : GROUPS) {
      String id = "wp." + group;
      if (group.equals("nrs-coordinators")) {
        TestUsers.ensure(engine, id, PASSWORD, group);
      } else {
        TestUsers.ensure(engine, id, PASSWORD, group, "caseworkers");
      }
    }
    TestUsers.ensure(engine, "wp.operator", PASSWORD, "camunda-admin");
  }

  @Test
  void anAdultAbroadNeedingShelterAndThreeServicesGoesFromReferralToClosure() {
    String code = register(referral("abroad", "Russian Federation", false), "la-strada");
    String instance = instanceOf(code);
    assertThat(groupsOf(caseTask(instance))).containsExactly("iom");

    // the wrong agency cannot do the identification; IOM can
    Response wrongAgency = submit(caseTask(instance), "la-strada", identification());
    assertThat(wrongAgency.status()).as(wrongAgency.toString()).isEqualTo(404); // as for a task that does not exist
    submitOk(caseTask(instance), "iom", identification());
    submitOk(caseTask(instance), "iom", InformedConsent.given("iom", "cap-chisinau", "la-strada").submission());
    submitOk(caseTask(instance), "iom", FormSubmission.of(new NeedsAssessmentForm(List.of("legal", "medical", "psychological"),
        true, "Return home, shelter, legal, medical and psychological assistance")));
    Response caseworkerApproving = submit(caseTask(instance), "iom", Map.of(PLAN_DECISION.name(), "approve"));
    assertThat(caseworkerApproving.status()).as("only coordinators approve plans").isEqualTo(404); // not even shown
    submitOk(caseTask(instance), "nrs-coordinators", Map.of(PLAN_DECISION.name(), "approve"));

    new OverRest().driveUntil(code, instance, Elements.PROPOSE_CLOSURE);

    var variables = engine.getRuntimeService().getVariables(instance);
    assertThat(variables).containsEntry(REPATRIATION_OUTCOME.name(), "returned").containsEntry(SHELTER_OUTCOME.name(), "discharged")
        .containsEntry(REINTEGRATION_OUTCOME.name(), "completed").containsEntry(MONITORING_OUTCOME.name(), "completed");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("assistance-service")
        .processInstanceBusinessKey(code).completed().count()).isEqualTo(3);
    closeCase(instance, "iom");
    assertClosed(instance);
  }

  @Test
  void aChildInMoldovaIsReportedToTheGuardianshipAuthorityAndGoesFromReferralToClosure() {
    String code = register(referral("moldova", null, true), "la-strada");
    String instance = instanceOf(code);

    Response alerts = http.get("/api/agencies/guardianship-chisinau/outbox", basic("wp.guardianship-chisinau", PASSWORD));
    assertThat(alerts.status()).isEqualTo(200);
    assertThat(alerts.body()).contains(code, Elements.ALERT_GUARDIANSHIP);
    assertThat(groupsOf(caseTask(instance))).containsExactly("mdt-chisinau");

    submitOk(caseTask(instance), "mdt-chisinau", identification());
    // consent waits for the guardianship authority's first steps (assessment, the child's representative)
    new OverRest().driveUntil(code, instance, Elements.CONSENT);
    submitOk(caseTask(instance), "mdt-chisinau", InformedConsent.given("guardianship-chisinau", "cap-chisinau", "community-social-workers")
        .informingLawEnforcement().forAChild("legal-representative", "heard-agrees").submission());
    submitOk(caseTask(instance), "mdt-chisinau", FormSubmission.of(new NeedsAssessmentForm(List.of("medical", "psychological"),
        false, "Medical check and psychological support; stays with her grandmother")));
    submitOk(caseTask(instance), "nrs-coordinators", FormSubmission.of(new ApproveAssistancePlanForm("return", "Add school support")));
    submitOk(caseTask(instance), "mdt-chisinau", FormSubmission.of(new NeedsAssessmentForm(List.of("medical", "psychological", "social"),
        false, "Medical, psychological and social support, school enrolment")));
    submitOk(caseTask(instance), "nrs-coordinators", Map.of(PLAN_DECISION.name(), "approve"));

    new OverRest().driveUntil(code, instance, Elements.PROPOSE_CLOSURE);

    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(Elements.REPATRIATION).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(Elements.BEST_INTERESTS_BEFORE_RETURN).finished().count()).isEqualTo(1);
    closeCase(instance, "mdt-chisinau");
    // the guardianship authority agrees to the closure of a child's case (autopilot's answer)
    new OverRest().driveUntilEnded(code, instance);
    assertClosed(instance);
  }

  @Test
  void anAdultInImmediateDangerGetsAShelterPlaceAndAMedicalReferralBeforeTheNeedsAssessmentExists() {
    Instant referred = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(referred));
    try {
      String code = register(FormSubmission.of(new RegisterReferralForm("hotline-la-strada", "moldova", null, "trafficking",
          "18+", false, "female", true, "Locked in a flat, injured")), "la-strada");
      String instance = instanceOf(code);
      Task consent = taskOf(code, Elements.EMERGENCY_CONSENT);
      assertThat(groupsOf(consent)).containsExactly("mdt-chisinau");
      assertThat(consent.getDueDate().toInstant()).as("within the hour, around the clock").isEqualTo(referred.plus(Duration.ofHours(1)));

      // the duty officer asks the person by phone and records the verbal consent 20 minutes later
      ClockUtil.setCurrentTime(Date.from(referred.plus(Duration.ofMinutes(20))));
      submitOk(consent, "mdt-chisinau", FormSubmission.of(new EmergencyAssistanceConsentForm("given", true, true,
          "Ion, MDT Chisinau duty officer")));
      Task medicalReferral = taskOf(code, AssistanceServiceProcess.Elements.ANSWER_REFERRAL);
      Instant medicalReferredAt = medicalReferral.getCreateTime().toInstant();
      assertThat(groupsOf(medicalReferral)).as("the medical provider the routing table lists").hasSize(1);

      // the shelter's staff take the person in 25 minutes after that
      ClockUtil.setCurrentTime(Date.from(referred.plus(Duration.ofMinutes(45))));
      Task place = taskOf(code, ShelterPlacementProcess.Elements.PLACE);
      submitOk(place, "cap-chisinau", Map.of(ShelterPlacementProcess.PLACED_ON.name(),
          LocalDate.ofInstant(PlatformClock.now(), PlatformClock.zone()).toString()));
      Instant placedAt = PlatformClock.now();

      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
          .activityId(Elements.NEEDS_ASSESSMENT).count()).as("no needs assessment exists yet").isZero();
      assertThat(engine.getRuntimeService().getActiveActivityIds(instance)).contains(Elements.IDENTIFICATION,
          Elements.EMERGENCY_SHELTER, Elements.URGENT_MEDICAL_CARE);
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(ShelterPlacementProcess.Elements.PLACE)
          .finished().list()).anySatisfy(placed -> assertThat(placed.getEndTime().toInstant()).isEqualTo(placedAt));
      long toMedical = Duration.between(referred, medicalReferredAt).toMinutes();
      long toShelter = Duration.between(referred, placedAt).toMinutes();
      System.out.println("Emergency fast track, case " + code + ": referral to medical referral " + toMedical
          + " minutes, referral to shelter place " + toShelter + " minutes, needs assessment not yet started");
      assertThat(toShelter).isLessThanOrEqualTo(60);
    } finally {
      ClockUtil.reset();
    }
  }

  // --- steps

  private static Map<String, Object> referral(String location, String country, boolean minor) {
    return FormSubmission.of(new RegisterReferralForm("hotline-la-strada", location, country, "trafficking",
        minor ? "7-17" : "18+", minor, "female", false, "Called the hotline"));
  }

  private static Map<String, Object> identification() {
    return FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception", "documents-withheld"),
        List.of("labour"), "presumed-victim", null, null));
  }

  private String register(Map<String, Object> form, String agency) {
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic("wp." + agency, PASSWORD), formSubmission(form));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    try {
      String code = json.readTree(started.body()).get("businessKey").asText();
      assertThat(code).startsWith("NRS-");
      return code;
    } catch (Exception e) {
      throw new AssertionError(started.toString(), e);
    }
  }

  private void closeCase(String instance, String team) {
    submitOk(caseTask(instance), team, Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    submitOk(caseTask(instance), "nrs-coordinators", Map.of(CLOSURE_DECISION.name(), "approve"));
  }

  private void assertClosed(String instance) {
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(Elements.CASE_CLOSED).finished().count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  private String instanceOf(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
  }

  private Task caseTask(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN,
            Elements.PROPOSE_CLOSURE, Elements.APPROVE_CLOSURE).singleResult();
  }

  /** The one open task of this step anywhere in the case's process tree. */
  private Task taskOf(String code, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
  }

  private List<String> groupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  private void submitOk(Task task, String group, Map<String, Object> form) {
    Response response = submit(task, group, form);
    assertThat(response.status()).as(task.getTaskDefinitionKey() + " by " + group + ": " + response).isEqualTo(204);
  }

  private Response submit(Task task, String group, Map<String, Object> form) {
    return http.post("/engine-rest/task/" + task.getId() + "/submit-form", basic("wp." + group, PASSWORD), formSubmission(form));
  }


  /** The called processes' tasks done by a member of the task's group, timers fired by an operator, all over REST. */
  private final class OverRest extends CaseAutopilot {

    OverRest() {
      super(CasePathOverRestTest.this.engine);
    }

    @Override
    protected void complete(Task task, Map<String, Object> answer) {
      List<String> groups = groupsOf(task);
      assertThat(groups).as("candidate groups of " + task.getTaskDefinitionKey()).hasSize(1);
      assertThat(GROUPS).as("a member of " + groups).contains(groups.get(0));
      submitOk(task, groups.get(0), answer);
    }

    @Override
    protected void fireTimer(Job job) {
      Response fired = http.post("/engine-rest/job/" + job.getId() + "/execute", basic("wp.operator", PASSWORD), "");
      assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
    }
  }
}
