package md.nrs.referral.privacy.vault;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.InformedConsentForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 items 2 and 3 over real HTTP: the case page's journey ({@code GET /api/cases/{code}/journey}) and the
 * referring agency's referrals ({@code GET /api/referrals}), with Tasklist's session or Basic; the coordinator's
 * approval form shows the identification findings and the plan as labels in the coordinator's language.
 * La Strada refers the case, the MDT interviews the person and records the consent (shared with the MDT only),
 * the coordinator has the plan to approve (and reads its case code and the team's plan). An unknown code and a case
 * of others get the same 403 from every case endpoint. Run on H2 ({@link CaseJourneyOnH2Test}) and PostgreSQL
 * ({@link CaseJourneyOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CaseJourneyContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials REFERRER = basic("cj.lastrada", PASSWORD);
  static final Credentials MDT = basic("cj.mdt", PASSWORD);
  static final Credentials SHELTER = basic("cj.cap", PASSWORD);
  static final Credentials COORDINATOR = basic("cj.coordinator", PASSWORD);
  static final Credentials COORDINATOR_IN_ROMANIAN = basic("cj.coordinator.ro", PASSWORD);
  static final String PERSON_MARKER = "Plamadeala-CJMARK";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  PlatformHttp http;
  String caseCode;
  String instance;

  @BeforeAll
  void aCaseReferredByLaStradaWithThePlanWaitingForTheCoordinator() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "cj.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "cj.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "cj.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "cj.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "cj.coordinator.ro", PASSWORD, "nrs-coordinators");

    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form", REFERRER,
        formSubmission(FormSubmission.of(new RegisterReferralForm("ngo", "moldova", null, "trafficking", "18+", false,
            "female", false, "Met at the bus station"))));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    caseCode = read(started).get("businessKey").asText();
    instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey(NrsCaseProcess.KEY).singleResult().getId();
    submitOk(MDT, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"), List.of("labour"),
        "presumed-victim", null, null)));
    submitOk(MDT, FormSubmission.of(new InformedConsentForm(true, "given", List.of("mdt-chisinau"), false, false, null,
        "Zorina", PERSON_MARKER, null, null, null, null, null, null, null)));
    submitOk(MDT, FormSubmission.of(new NeedsAssessmentForm(List.of("legal", "medical"), false, "Legal and medical help first")));
  }

  @Test
  @Order(1)
  void theMdtSeesTheWholeJourneyAndThePersonInTasklistsSessionWithoutAPasswordPrompt() {
    Response answer = http.get("/api/cases/" + caseCode + "/journey", http.login("tasklist", "cj.mdt", PASSWORD));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).contains("no-store");
    assertThat(answer.header("Content-Language")).isEqualTo("en");
    JsonNode journey = read(answer);
    assertThat(journey.get("view").asText()).isEqualTo("case");
    assertThat(journey.get("state").asText()).isEqualTo("open");
    assertThat(steps(journey)).contains("Identification interview | done | mdt-chisinau",
        "Approve the assistance plan | open | nrs-coordinators");
    assertThat(journey.get("consents").has("assistance")).isTrue();
    assertThat(journey.get("agencies").path("mdt-chisinau").asText()).as("the consent's agency by its name")
        .isEqualTo("Territorial multidisciplinary team, Chisinau");
    assertThat(journey.get("person").get("familyName").asText()).isEqualTo(PERSON_MARKER);
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where action = 'CASE_VIEW' and case_code = ? and actor = ?",
        Long.class, caseCode, "cj.mdt")).as("the view is audited").isPositive();
  }

  @Test
  @Order(2)
  void theReferringAgencySeesTheReferralsStateOnlyOnTheCasePageAndInItsList() {
    Response page = http.get("/api/cases/" + caseCode + "/journey", REFERRER);
    Response list = http.get("/api/referrals", http.login("tasklist", "cj.lastrada", PASSWORD));

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    JsonNode journey = read(page);
    assertThat(journey.get("view").asText()).isEqualTo("referrer");
    assertThat(steps(journey)).as("the open steps, oldest first: the case's risk assessment runs from the referral on")
        .containsExactly("Assess the risks | open | mdt-chisinau", "Approve the assistance plan | open | nrs-coordinators");
    assertThat(journey.get("consents").isEmpty()).as("no consents").isTrue();
    assertThat(journey.get("person").isNull()).isTrue();
    assertThat(page.body()).doesNotContain(PERSON_MARKER, "Zorina", "Identification interview");

    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    JsonNode referral = find(read(list), caseCode);
    assertThat(referral.get("state").asText()).isEqualTo("open");
    assertThat(referral.get("registeredAt").isNull()).isFalse();
    assertThat(referral.get("openSteps").findValuesAsText("name")).contains("Approve the assistance plan");
    assertThat(list.body()).doesNotContain(PERSON_MARKER, "Zorina");
    assertThat(read(http.get("/api/referrals", MDT)).toString()).as("the MDT referred nothing").doesNotContain(caseCode);
  }

  @Test
  @Order(3)
  void anAgencyWithNoPartAnUnknownCodeAndAMalformedCodeAllGetTheSame403() {
    List<Response> answers = List.of(http.get("/api/cases/" + caseCode + "/journey", SHELTER),
        http.get("/api/cases/NRS-2026-999999999/journey", SHELTER), http.get("/api/cases/not-a-code/journey", SHELTER),
        http.get("/api/cases/NRS-2026-999999999/journey", MDT));

    for (Response answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
      assertThat(read(answer).get("detail").asText()).isEqualTo(read(answers.get(0)).get("detail").asText());
      assertThat(answer.body()).doesNotContain(PERSON_MARKER, "Zorina", caseCode);
    }
  }

  @Test
  @Order(3)
  void theCaseViewAndAChangeOfConsentAnswerAnUnknownCodeExactlyAsACaseOfOthers() {
    String consent = "{\"purpose\":\"share-with-agency:cap-chisinau\",\"given\":true}";
    List<Response> answers = List.of(http.get("/api/cases/" + caseCode, SHELTER),
        http.get("/api/cases/NRS-2026-999999999", SHELTER), http.get("/api/cases/not-a-code", SHELTER),
        http.get("/api/cases/NRS-2026-999999999", MDT), http.post("/api/cases/" + caseCode + "/consents", SHELTER, consent),
        http.post("/api/cases/NRS-2026-999999999/consents", SHELTER, consent),
        http.post("/api/cases/NRS-2026-999999999/consents", COORDINATOR, consent));
    Response journey = http.get("/api/cases/NRS-2026-999999999/journey", SHELTER);

    for (Response answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
      assertThat(read(answer).get("detail").asText()).as(answer.toString()).isEqualTo(read(journey).get("detail").asText());
      assertThat(answer.body()).doesNotContain(PERSON_MARKER, "Zorina", caseCode);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
        .as("nothing changed: the case runs on").isEqualTo(1);
  }

  @Test
  @Order(4)
  void theCoordinatorReadsTheCaseCodeAndTheTeamsPlanOnTheApprovalTaskInTasklistAndOverRest() {
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.APPROVE_PLAN).singleResult();
    String formVariables = "/task/" + approval.getId() + "/form-variables?deserializeValues=false";

    Response inTasklist = http.get("/camunda/api/engine/engine/default" + formVariables,
        http.login("tasklist", "cj.coordinator", PASSWORD));
    Response overRest = http.get("/engine-rest" + formVariables, COORDINATOR);

    for (Response answer : List.of(inTasklist, overRest)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      JsonNode variables = read(answer);
      assertThat(variables.path("caseCode").path("value").asText()).as("'Case %s' on the approval form", caseCode)
          .isEqualTo(caseCode);
      assertThat(variables.path("planSummary").path("value").asText()).as("the plan the coordinator approves")
          .isEqualTo("Legal and medical help first");
    }
  }

  @Test
  @Order(4)
  void withoutASessionTheCasePageAsksForNoPassword() {
    Response answer = http.get("/api/cases/" + caseCode + "/journey", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).as("no browser password prompt").isNull();
    assertThat(answer.body()).doesNotContain(caseCode);
  }

  @Test
  @Order(5)
  void theCoordinatorsApprovalFormShowsTheFindingsAndThePlanAsLabelsInTheirLanguage() {
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.APPROVE_PLAN).singleResult();
    assertThat(http.put("/api/me/language", COORDINATOR_IN_ROMANIAN, "{\"language\":\"ro\"}").status()).isEqualTo(200);

    String english = introOf(http.get("/engine-rest/task/" + approval.getId() + "/deployed-form", COORDINATOR));
    String romanian = introOf(http.get("/engine-rest/task/" + approval.getId() + "/deployed-form", COORDINATOR_IN_ROMANIAN));

    assertThat(english).contains("status: Presumed victim", "indicators found: Deception about the work or the conditions",
        "forms of exploitation: Labour exploitation", "planned services: Legal assistance, Medical assistance",
        "shelter needed: no", "{{planSummary}}", "**" + "{{caseCode}}" + "**");
    assertThat(english).doesNotContain("[\"legal\"", "false", "presumed-victim", "{{plannedServices}}");
    assertThat(romanian).contains("Înșelăciune privind munca sau condițiile", "Exploatare prin muncă", "adăpost necesar: nu");
    submitOk(COORDINATOR, Map.of(PLAN_DECISION.name(), "approve")); // the form is still the one the engine checks
  }

  private String introOf(Response form) {
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    return read(form).get("components").get(0).get("text").asText();
  }

  /** "name | state | team ids" of each step, as the page lists them. */
  private static List<String> steps(JsonNode journey) {
    List<String> steps = new ArrayList<>();
    for (JsonNode step : journey.get("steps")) {
      List<String> teams = new ArrayList<>();
      step.get("teams").forEach(team -> teams.add(team.get("id").asText()));
      steps.add(step.get("name").asText() + " | " + step.get("state").asText() + " | " + String.join(",", teams));
    }
    return steps;
  }

  private static JsonNode find(JsonNode referrals, String code) {
    for (JsonNode referral : referrals) {
      if (code.equals(referral.get("caseCode").asText())) {
        return referral;
      }
    }
    throw new AssertionError(code + " is not among " + referrals);
  }

  private void submitOk(Credentials who, Map<String, Object> form) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    Response response = http.post("/engine-rest/task/" + task.getId() + "/submit-form", who, formSubmission(form));
    assertThat(response.status()).as(task.getTaskDefinitionKey() + ": " + response).isEqualTo(204);
  }

  private JsonNode read(Response response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(response.toString(), e);
    }
  }
}
