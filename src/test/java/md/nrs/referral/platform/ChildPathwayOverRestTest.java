package md.nrs.referral.platform;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.childprotection.AppointRepresentativeForm;
import md.nrs.referral.childprotection.ChildFriendlyInterviewForm;
import md.nrs.referral.childprotection.AssessAgeForm;
import md.nrs.referral.childprotection.AssessChildSituationForm;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PersonalValueScan;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import md.nrs.referral.safetyplan.SafetyPlanProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A child's case over REST as the guardianship authority of Chisinau ({@code guardianship.chisinau}, the demo
 * login) works it: its tasks arrive with their due dates from sla-durations.dmn, it does each step, and staff of an
 * agency with no part in the case see neither the tasks nor the case; the child's legal representative is shown only
 * to those with a legal duty (the guardianship authority, the coordinators) or the person's consent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-child-pathway-rest;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildPathwayOverRestTest {

  /** The demo password of the README: guardianship.chisinau is the demo login, which the demo profile has already made. */
  private static final String PASSWORD = "Demo#NRS-2026";
  private static final String GUARDIANSHIP = "guardianship.chisinau";
  private static final String TEAM = "cp.mdt-chisinau";
  private static final String OTHER_AGENCY = "cp.resonance";
  private static final String COORDINATOR = "cp.coordinator";
  private static final String REPRESENTATIVE_NAME = "Ion TESTREP-Rusu";
  private static final String REPRESENTATIVE_CONTACT = "+373 60 555 417";
  private static final DateTimeFormatter ENGINE_DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, GUARDIANSHIP, PASSWORD, "guardianship-chisinau", "caseworkers");
    TestUsers.ensure(engine, TEAM, PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, OTHER_AGENCY, PASSWORD, "resonance", "caseworkers");
    TestUsers.ensure(engine, COORDINATOR, PASSWORD, "nrs-coordinators");
  }

  @Test
  void theGuardianshipAuthorityGetsAPresumedChildsTasksWithinTheirTimeLimitsAndDecidesTheReturn() throws Exception {
    String code = register(FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null, "trafficking",
        "unknown", false, "male", false, "Found alone at the bus station")));

    JsonNode assessment = onlyTask(GUARDIANSHIP, code);
    assertThat(assessment.get("taskDefinitionKey").asText()).isEqualTo(ChildProtectionProcess.Elements.ASSESS_SITUATION);
    assertThat(timeAllowed(assessment)).as("immediate assessment, around the clock").isEqualTo(Duration.ofHours(3));
    assertThat(tasks(OTHER_AGENCY, code)).as("another agency sees none of the case's tasks").isEmpty();
    Response wrongAgency = submit(assessment, OTHER_AGENCY, FormSubmission.of(new AssessChildSituationForm("separated",
        "high", false, null)));
    assertThat(wrongAgency.status()).as("as for a task that does not exist: " + wrongAgency).isEqualTo(404);
    Response caseView = http.get("/api/cases/" + code, basic(OTHER_AGENCY, PASSWORD));
    assertThat(caseView.status()).as(caseView.toString()).isEqualTo(403);

    submitOk(assessment, GUARDIANSHIP, FormSubmission.of(new AssessChildSituationForm("unaccompanied", "high", false,
        "Placed in the emergency centre overnight")));
    JsonNode ageAssessment = onlyTask(GUARDIANSHIP, code);
    assertThat(ageAssessment.get("taskDefinitionKey").asText()).isEqualTo(ChildProtectionProcess.Elements.ASSESS_AGE);
    assertThat(timeAllowed(ageAssessment)).isEqualTo(Duration.ofHours(72));
    submitOk(ageAssessment, GUARDIANSHIP, FormSubmission.of(new AssessAgeForm(ChildProtectionProcess.FOUND_CHILD,
        "forensic-medical-examiner", LocalDate.now(PlatformClock.zone()))));
    JsonNode representative = onlyTask(GUARDIANSHIP, code);
    assertThat(timeAllowed(representative)).isEqualTo(Duration.ofHours(24));
    submitOk(representative, GUARDIANSHIP, FormSubmission.of(new AppointRepresentativeForm("parent", true)));
    submitOk(taskAt(TEAM, code, ChildProtectionProcess.Elements.CHILD_FRIENDLY_INTERVIEW), TEAM,
        FormSubmission.of(new ChildFriendlyInterviewForm("cp.mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true)));

    submitOk(onlyTask(TEAM, code), TEAM, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()),
        List.of("deception"), List.of("begging"), "presumed-victim", null, null)));
    Response consentWithoutRepresentative = submit(onlyTask(TEAM, code), TEAM, InformedConsent.given("guardianship-chisinau")
        .submission());
    assertThat(consentWithoutRepresentative.status()).as(consentWithoutRepresentative.toString()).isEqualTo(400);
    assertThat(consentWithoutRepresentative.body()).contains("consentGivenBy", "childViews");
    submitOk(onlyTask(TEAM, code), TEAM, InformedConsent.given("guardianship-chisinau")
        .forAChild("guardianship-authority", "heard-disagrees").submission());
    submitOk(onlyTask(TEAM, code), TEAM, FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false,
        "Psychological support and school")));
    submitOk(onlyTask(COORDINATOR, code), COORDINATOR, Map.of(PLAN_DECISION.name(), "approve"));

    JsonNode determination = onlyTask(GUARDIANSHIP, code);
    assertThat(determination.get("taskDefinitionKey").asText()).isEqualTo(BestInterestsProcess.Elements.DETERMINE);
    assertThat(determination.get("due").isNull()).isFalse();
    assertThat(activeActivities(code)).contains(Elements.BEST_INTERESTS_BEFORE_RETURN);
    submitOk(determination, GUARDIANSHIP, FormSubmission.of(new DetermineBestInterestsForm("traced-not-safe",
        "heard-disagrees", "not-applicable", BestInterestsProcess.REFUSE, null, "The father was the recruiter")));

    JsonNode placement = onlyTask(GUARDIANSHIP, code);
    assertThat(placement.get("taskDefinitionKey").asText()).isEqualTo(Elements.ARRANGE_ALTERNATIVE_PLACEMENT);
    assertThat(timeAllowed(placement)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void theCaseViewShowsTheChildsRepresentativeOnlyToTheGuardianshipAuthorityTheCoordinatorAndAgenciesWithConsent()
      throws Exception {
    String code = register(FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null, "trafficking",
        "unknown", false, "female", false, "Brought in by the border police")));
    submitOk(onlyTask(GUARDIANSHIP, code), GUARDIANSHIP, FormSubmission.of(new AssessChildSituationForm("separated",
        "medium", false, null)));
    submitOk(onlyTask(GUARDIANSHIP, code), GUARDIANSHIP, FormSubmission.of(new AssessAgeForm(
        ChildProtectionProcess.FOUND_CHILD, "forensic-medical-examiner", LocalDate.now(PlatformClock.zone()))));
    submitOk(onlyTask(GUARDIANSHIP, code), GUARDIANSHIP, FormSubmission.of(new AppointRepresentativeForm("relative", false,
        REPRESENTATIVE_NAME, REPRESENTATIVE_CONTACT)));

    Response authority = http.get("/api/cases/" + code, basic(GUARDIANSHIP, PASSWORD));
    assertThat(authority.status()).as("legal duty, before any consent: " + authority).isEqualTo(200);
    assertThat(authority.body()).contains(REPRESENTATIVE_NAME, REPRESENTATIVE_CONTACT, "\"excluded\":false")
        .contains("consent has not been recorded yet");
    Response coordinator = http.get("/api/cases/" + code, basic(COORDINATOR, PASSWORD));
    assertThat(coordinator.status()).isEqualTo(200);
    assertThat(coordinator.body()).contains(REPRESENTATIVE_NAME);
    Response otherAgency = http.get("/api/cases/" + code, basic(OTHER_AGENCY, PASSWORD));
    assertThat(otherAgency.status()).as("no task, no consent").isEqualTo(403);
    assertThat(otherAgency.body()).doesNotContain(REPRESENTATIVE_NAME, REPRESENTATIVE_CONTACT);
    Response teamBeforeConsent = http.get("/api/cases/" + code, basic(TEAM, PASSWORD));
    assertThat(teamBeforeConsent.status()).as("a task on the case, but no consent yet").isEqualTo(403);
    assertThat(teamBeforeConsent.body()).doesNotContain(REPRESENTATIVE_NAME);
    assertThat(new PersonalValueScan(dataSource, List.of(REPRESENTATIVE_NAME, REPRESENTATIVE_CONTACT)).everyTable())
        .as("the representative's values anywhere but sealed in the vault (table -> columns)").isEmpty();

    submitOk(taskAt(TEAM, code, ChildProtectionProcess.Elements.CHILD_FRIENDLY_INTERVIEW), TEAM,
        FormSubmission.of(new ChildFriendlyInterviewForm("cp.mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), false)));
    submitOk(onlyTask(TEAM, code), TEAM, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()),
        List.of("deception"), List.of("begging"), "presumed-victim", null, null)));
    submitOk(onlyTask(TEAM, code), TEAM, InformedConsent.given("guardianship-chisinau")
        .forAChild("legal-representative", "heard-agrees").submission());
    Response teamAfterConsent = http.get("/api/cases/" + code, basic(TEAM, PASSWORD));
    assertThat(teamAfterConsent.status()).as("the team that recorded the consent: " + teamAfterConsent).isEqualTo(200);
    assertThat(teamAfterConsent.body()).contains(REPRESENTATIVE_NAME);
    assertThat(http.get("/api/cases/" + code, basic(OTHER_AGENCY, PASSWORD)).body()).doesNotContain(REPRESENTATIVE_NAME);
  }

  // --- steps

  private String register(Map<String, Object> form) throws Exception {
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic(TEAM, PASSWORD), formSubmission(form));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return json.readTree(started.body()).get("businessKey").asText();
  }

  /** The tasks of the case the user can see, through the REST API (authorizations apply). */
  private List<JsonNode> tasks(String user, String code) throws Exception {
    Response response = http.get("/engine-rest/task?maxResults=20&processInstanceBusinessKey=" + code, basic(user, PASSWORD));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> found = new java.util.ArrayList<>();
    json.readTree(response.body()).forEach(found::add);
    return found;
  }

  /** The user's one open step of the case, beside the safety plan's risk assessment every case has from referral on. */
  private JsonNode onlyTask(String user, String code) throws Exception {
    List<JsonNode> found = tasks(user, code).stream()
        .filter(task -> !task.get("processDefinitionId").asText().startsWith(SafetyPlanProcess.KEY + ":")).toList();
    assertThat(found).as("open tasks of " + code + " for " + user).hasSize(1);
    return found.get(0);
  }

  private JsonNode taskAt(String user, String code, String taskDefinitionKey) throws Exception {
    List<JsonNode> found = tasks(user, code).stream()
        .filter(task -> taskDefinitionKey.equals(task.get("taskDefinitionKey").asText())).toList();
    assertThat(found).as(taskDefinitionKey + " of " + code + " for " + user).hasSize(1);
    return found.get(0);
  }

  private static Duration timeAllowed(JsonNode task) {
    return Duration.between(OffsetDateTime.parse(task.get("created").asText(), ENGINE_DATES),
        OffsetDateTime.parse(task.get("due").asText(), ENGINE_DATES));
  }

  private List<String> activeActivities(String code) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
    return engine.getRuntimeService().getActiveActivityIds(instance);
  }

  private void submitOk(JsonNode task, String user, Map<String, Object> form) {
    Response response = submit(task, user, form);
    assertThat(response.status()).as(task.get("taskDefinitionKey").asText() + " by " + user + ": " + response).isEqualTo(204);
  }

  private Response submit(JsonNode task, String user, Map<String, Object> form) {
    return http.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form", basic(user, PASSWORD),
        formSubmission(form));
  }
}
