package md.nrs.referral.assistance;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20 item 3 over real HTTP: a provider asked to take a service reads, on its "Accept or reject the referral"
 * form, the case's needs as the person's consent allows — planned services and shelter as labels in the provider's
 * language, the team's summary — and an agency the person did not consent to reads nothing of it. La Strada refers
 * an adult in Moldova, the MDT interviews her and records consent to share with La Strada (the legal provider),
 * the coordinator approves a plan of legal and medical help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-provider-needs;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderNeedsSummaryOverRestTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Credentials LA_STRADA = basic("pn.lastrada", PASSWORD);
  private static final Credentials LA_STRADA_IN_ROMANIAN = basic("pn.lastrada.ro", PASSWORD);
  private static final Credentials MDT = basic("pn.mdt", PASSWORD);
  private static final Credentials SHELTER = basic("pn.cap", PASSWORD);
  private static final Credentials COORDINATOR = basic("pn.coordinator", PASSWORD);
  private static final String SUMMARY = "Summary-4e9a: counselling on her labour claim, then a check-up";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  private PlatformHttp http;
  private String caseCode;
  private Task legalReferral;

  @BeforeAll
  void aPlanOfLegalAndMedicalHelpApprovedWithConsentToShareWithLaStrada() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "pn.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "pn.lastrada.ro", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "pn.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "pn.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "pn.coordinator", PASSWORD, "nrs-coordinators");

    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form", LA_STRADA,
        formSubmission(FormSubmission.of(new RegisterReferralForm("ngo", "moldova", null, "trafficking", "18+", false,
            "female", false, "Met at the bus station"))));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    caseCode = read(started).get("businessKey").asText();
    submitOk(MDT, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"), List.of("labour"),
        "presumed-victim", null, null)));
    submitOk(MDT, InformedConsent.given("mdt-chisinau", "la-strada").submission());
    submitOk(MDT, FormSubmission.of(new NeedsAssessmentForm(List.of("legal", "medical"), false, SUMMARY)));
    submitOk(COORDINATOR, Map.of(PLAN_DECISION.name(), "approve"));
    legalReferral = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey(AssistanceServiceProcess.KEY).taskDefinitionKey(AssistanceServiceProcess.Elements.ANSWER_REFERRAL)
        .taskCandidateGroup("la-strada").singleResult();
    assertThat(legalReferral).as("the legal referral to La Strada").isNotNull();
  }

  @Test
  void theProviderThePersonConsentedToReadsTheNeedsAsLabelsInItsLanguageAndTheTeamsSummary() {
    assertThat(http.put("/api/me/language", LA_STRADA_IN_ROMANIAN, "{\"language\":\"ro\"}").status()).isEqualTo(200);
    String form = "/task/" + legalReferral.getId() + "/deployed-form";

    String english = textOf(http.get("/engine-rest" + form, LA_STRADA), "Text_NeedsShared");
    String romanian = textOf(http.get("/engine-rest" + form, LA_STRADA_IN_ROMANIAN), "Text_NeedsShared");
    Response variables = http.get("/camunda/api/engine/engine/default/task/" + legalReferral.getId()
        + "/form-variables?deserializeValues=false", http.login("tasklist", "pn.lastrada", PASSWORD));

    assertThat(english).contains("planned services: Legal assistance, Medical assistance", "shelter needed: no");
    assertThat(english).doesNotContain("[\"legal\"", "false", "{{plannedServices}}", "{{shelterNeeded}}");
    assertThat(romanian).contains("adăpost necesar: nu");
    assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
    JsonNode shown = read(variables);
    assertThat(shown.path("needsShared").path("value").asBoolean()).isTrue();
    assertThat(shown.path("planSummary").path("value").asText()).isEqualTo(SUMMARY);
  }

  @Test
  void anAgencyThePersonDidNotConsentToReadsNothingOfTheReferral() {
    String path = "/engine-rest/task/" + legalReferral.getId();

    List<Response> answers = List.of(http.get(path + "/form-variables", SHELTER), http.get(path + "/variables", SHELTER),
        http.get(path + "/deployed-form", SHELTER));

    for (Response answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isIn(403, 404);
      assertThat(answer.body()).doesNotContain(SUMMARY, "Legal assistance");
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode).taskCandidateGroup("cap-chisinau")
        .count()).as("the medical provider listed first had no consent: it was never asked").isZero();
  }

  private String textOf(Response form, String componentId) {
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    for (JsonNode component : read(form).get("components")) {
      if (componentId.equals(component.path("id").asText())) {
        return component.get("text").asText();
      }
    }
    throw new AssertionError(componentId + " is not on the form: " + form.body());
  }

  private void submitOk(Credentials who, Map<String, Object> form) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey(NrsCaseProcess.KEY).singleResult();
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
