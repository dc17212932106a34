package md.nrs.referral.incidents;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_ON;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.childprotection.AppointRepresentativeForm;
import md.nrs.referral.childprotection.AssessChildSituationForm;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.ChildFriendlyInterviewForm;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.shelter.ShelterPlacementProcess;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Safety incidents and early shelter leaves reported by the people who see them, over real HTTP against the
 * running platform: a case is referred and worked over /engine-rest as the agencies would, then reported on
 * over /api. Run on H2 ({@link IncidentReportOnH2Test}) and PostgreSQL ({@link IncidentReportOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class IncidentReportContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials MDT = basic("ir.mdt", PASSWORD);
  static final Credentials IOM = basic("ir.iom", PASSWORD);
  static final Credentials CAP = basic("ir.cap", PASSWORD);
  static final Credentials COORDINATOR = basic("ir.coordinator", PASSWORD);
  static final Credentials GUARDIANSHIP = basic("ir.guardianship", PASSWORD);
  static final Credentials LA_STRADA = basic("ir.lastrada", PASSWORD);
  static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired IncidentNoteRetention retention;
  @LocalServerPort int port;
  PlatformHttp http;
  JdbcTemplate jdbc;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    jdbc = new JdbcTemplate(dataSource);
    TestUsers.ensure(engine, "ir.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "ir.iom", PASSWORD, "iom", "caseworkers");
    TestUsers.ensure(engine, "ir.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "ir.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ir.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "ir.guardianship", PASSWORD, "guardianship-chisinau", "caseworkers");
  }

  @Test
  void theTeamWorkingTheCaseReportsAnIncidentAndTheCoordinatorsGetAnUrgentRiskReviewWithADueDate() throws Exception {
    String code = caseAtMdtIdentification();
    String instance = instanceOf(code);

    Response reported = report(code, MDT, Map.of("kind", "trafficker-contact", "occurredOn", today().toString()));

    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(reported.body());
    assertThat(answer.path("caseCode").asText()).isEqualTo(code);
    assertThat(answer.path("kind").asText()).isEqualTo("trafficker-contact");
    assertThat(answer.path("incidentId").asText()).isNotBlank();
    assertThat(answer.path("routedTo").path("candidateGroup").asText()).isEqualTo("nrs-coordinators");
    List<Task> reviews = reviews(instance);
    assertThat(reviews).hasSize(1);
    assertThat(answer.path("routedTo").path("taskId").asText()).isEqualTo(reviews.get(0).getId());
    assertThat(groupsOf(reviews.get(0))).containsExactly("nrs-coordinators");
    assertThat(reviews.get(0).getDueDate()).as("due from the SLA table").isNotNull();
    assertThat(answer.path("routedTo").path("due").asText()).isEqualTo(reviews.get(0).getDueDate().toInstant().toString());
    assertThat(engine.getRuntimeService().getActiveActivityIds(instance)).as("the case goes on")
        .contains(Elements.IDENTIFICATION);
    assertThat(audited(code, "ir.mdt", "OK")).isEqualTo(1);
  }

  @Test
  void theTeamReportsThatThePersonCannotBeReachedAnotherAgencyIsRefusedAndTheCoordinatorsGetAnUrgentRiskReview()
      throws Exception {
    String code = caseAtMdtIdentification();
    String instance = instanceOf(code);

    Response otherAgency = notReachable(code, IOM, today());
    Response future = notReachable(code, MDT, today().plusDays(1));
    Response reported = notReachable(code, MDT, today().minusDays(1));

    assertThat(otherAgency.status()).as(otherAgency.toString()).isEqualTo(403);
    assertBadField(future, "since", "cannot be in the future");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(reported.body());
    assertThat(answer.path("report").asText()).isEqualTo("person-not-reachable");
    assertThat(answer.path("kind").asText()).isEqualTo("not-reachable");
    assertThat(answer.path("routedTo").path("candidateGroup").asText()).isEqualTo("nrs-coordinators");
    assertThat(reviews(instance)).hasSize(1);
    assertThat(audited(code, "ir.iom", "REFUSED")).isEqualTo(1);
  }

  @Test
  void aCoordinatorReportsAnIncidentOnAnyOpenCase() throws Exception {
    String code = caseAtMdtIdentification();

    Response reported = report(code, COORDINATOR, Map.of("kind", "threat", "occurredOn", today().minusDays(2).toString()));

    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    assertThat(reviews(instanceOf(code))).hasSize(1);
  }

  @Test
  void aUserOfAnAgencyWithNoTaskOnTheCaseIsRefusedAndNoReviewOpens() throws Exception {
    String code = caseAtMdtIdentification();

    Response refused = report(code, IOM, Map.of("kind", "violence", "occurredOn", today().toString()));
    Response referrer = report(code, LA_STRADA, Map.of("kind", "violence", "occurredOn", today().toString()));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(message(refused)).contains("no part in case " + code);
    assertThat(referrer.status()).as("referring is not working the case: " + referrer).isEqualTo(403);
    assertThat(reviews(instanceOf(code))).isEmpty();
    assertThat(incidentRows(code)).isZero();
    assertThat(audited(code, "ir.iom", "REFUSED")).isEqualTo(1);
  }

  @Test
  void anUnknownCodeIsRefusedExactlyLikeACaseTheCallerHasNoPartIn() throws Exception {
    String code = caseAtMdtIdentification();
    String unknown = unknownCode();

    Response notMine = report(code, IOM, Map.of("kind", "other", "occurredOn", today().toString()));
    Response noSuchCase = report(unknown, IOM, Map.of("kind", "other", "occurredOn", today().toString()));
    Response noSuchCaseForMdt = report(unknown, MDT, Map.of("kind", "other", "occurredOn", today().toString()));

    assertThat(noSuchCase.status()).isEqualTo(notMine.status()).isEqualTo(403);
    assertThat(noSuchCaseForMdt.status()).isEqualTo(403);
    assertThat(noSuchCase.body().replace(unknown, "CODE")).isEqualTo(notMine.body().replace(code, "CODE"));
  }

  @Test
  void aFutureDayAnUnknownKindOrNoKindIsA400NamingTheFieldAndChangesNothing() throws Exception {
    String code = caseAtMdtIdentification();
    String instance = instanceOf(code);
    long incidentsBefore = jdbc.queryForObject("select count(*) from nrs_case_incident", Long.class);

    Response tomorrow = report(code, MDT, Map.of("kind", "threat", "occurredOn", today().plusDays(1).toString()));
    Response unknownKind = report(code, MDT, Map.of("kind", "alien-abduction", "occurredOn", today().toString()));
    Response noKind = report(code, MDT, Map.of("occurredOn", today().toString()));
    Response notADay = report(code, MDT, Map.of("kind", "threat", "occurredOn", "yesterday"));
    Response longNote = report(code, MDT, Map.of("kind", "threat", "occurredOn", today().toString(), "note", "x".repeat(2001)));

    assertBadField(tomorrow, "occurredOn", "cannot be in the future");
    assertBadField(unknownKind, "kind", "must be one of");
    assertBadField(noKind, "kind", "give the kind");
    assertBadField(notADay, "occurredOn", "wrong type");
    assertBadField(longNote, "note", "at most 2000");
    assertThat(unknownKind.body()).doesNotContain("alien-abduction");
    assertThat(reviews(instance)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from nrs_case_incident", Long.class)).isEqualTo(incidentsBefore);
  }

  @Test
  void anIncidentOnAnEndedCaseIsA400NamingTheCodeAndChangesNothing() throws Exception {
    String code = caseAtMdtIdentification();
    Response withdrawn = http.post("/api/cases/" + code + "/consents", COORDINATOR,
        "{\"purpose\":\"assistance\",\"given\":false}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).count()).as("the case has ended").isZero();

    Response reported = report(code, MDT, Map.of("kind", "threat", "occurredOn", today().toString()));

    assertBadField(reported, "code", "has ended");
    assertThat(incidentRows(code)).isZero();
  }

  @Test
  void aDoubleClickGetsTheFirstAnswerAgainAndOpensOneReview() throws Exception {
    String code = caseAtMdtIdentification();
    Map<String, Object> incident = Map.of("kind", "disappearance", "occurredOn", today().toString());

    Response first = report(code, MDT, incident);
    Response second = report(code, MDT, incident);
    Response otherKind = report(code, MDT, Map.of("kind", "self-harm", "occurredOn", today().toString()));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(json.readTree(second.body()).path("incidentId").asText())
        .isEqualTo(json.readTree(first.body()).path("incidentId").asText());
    assertThat(json.readTree(second.body()).path("routedTo").path("taskId").asText())
        .isEqualTo(json.readTree(first.body()).path("routedTo").path("taskId").asText());
    assertThat(otherKind.status()).as("another kind is another incident: " + otherKind).isEqualTo(201);
    assertThat(reviews(instanceOf(code))).hasSize(2);
    assertThat(incidentRows(code)).isEqualTo(2);
  }

  @Test
  void theNoteNeverReachesAProcessVariableTheAuditTrailOrTheLog(CapturedOutput log) throws Exception {
    String code = caseAtMdtIdentification();
    String marker = "Ion Popescu " + UUID.randomUUID();

    Response reported = report(code, MDT, Map.of("kind", "media-exposure", "occurredOn", today().toString(),
        "note", "Journalist photographed her with " + marker));

    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    assertThat(json.readTree(reported.body()).path("noteKept").asBoolean()).isTrue();
    assertThat(reported.body()).doesNotContain(marker);
    String like = "%" + marker + "%";
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ? or TEXT2_ like ?", Long.class,
          like, like)).as(table).isZero();
    }
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceOf(code)).list()
        .forEach(v -> assertThat(String.valueOf(v.getValue())).as(v.getName()).doesNotContain(marker));
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where detail like ? or subject like ?", Long.class,
        like, like)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from nrs_case_incident where note_sealed like ?", Long.class, like))
        .as("stored sealed, not in clear").isZero();
    assertThat(jdbc.queryForObject("select count(*) from nrs_case_incident where case_code = ? and note_sealed is not null",
        Long.class, code)).isEqualTo(1);
    assertThat(log.getAll()).doesNotContain(marker);
  }

  @Test
  void theNoteIsErasedWithThePersonsDataOnceTheCaseHasEndedLongEnough() throws Exception {
    String code = caseAtMdtIdentification();
    Response reported = report(code, MDT, Map.of("kind", "threat", "occurredOn", today().toString(), "note", "Called her"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    retention.eraseNotesOfCasesEndedBefore(java.time.Instant.now().plusSeconds(60));
    assertThat(notes(code)).as("the case is still open").isEqualTo(1);

    Response withdrawn = http.post("/api/cases/" + code + "/consents", COORDINATOR,
        "{\"purpose\":\"assistance\",\"given\":false}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
    retention.eraseNotesOfCasesEndedBefore(java.time.Instant.now().minusSeconds(3600));
    assertThat(notes(code)).as("ended only now").isEqualTo(1);
    retention.eraseNotesOfCasesEndedBefore(java.time.Instant.now().plusSeconds(60));

    assertThat(notes(code)).isZero();
    assertThat(incidentRows(code)).as("the report itself stays").isEqualTo(1);
  }

  @Test
  void theShelterReportsAnEarlyLeaveWhichEndsTheStayAndOpensTheDischarge() throws Exception {
    String code = caseAtMdtIdentification();
    String instance = instanceOf(code);
    workTheCaseToAShelterPlacement(instance);
    Task place = shelterTask(code, ShelterPlacementProcess.Elements.PLACE);

    Response beforeThePlacement = leftEarly(code, CAP, today());
    assertThat(beforeThePlacement.status()).as("no stay yet: " + beforeThePlacement).isEqualTo(409);
    submitOk(place, CAP, Map.of(PLACED_ON.name(), today().toString()));

    Response future = leftEarly(code, CAP, today().plusDays(1));
    Response notTheShelter = leftEarly(code, MDT, today());
    Response reported = leftEarly(code, CAP, today());

    assertBadField(future, "leftOn", "cannot be in the future");
    assertThat(notTheShelter.status()).as("the case's team is not the shelter: " + notTheShelter).isEqualTo(403);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(reported.body());
    assertThat(answer.path("routedTo").path("candidateGroup").asText()).isEqualTo(ShelterPlacementProcess.SHELTER);
    Task discharge = shelterTask(code, ShelterPlacementProcess.Elements.DISCHARGE);
    assertThat(answer.path("routedTo").path("taskId").asText()).isEqualTo(discharge.getId());
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(discharge.getProcessInstanceId())
        .activityId(ShelterPlacementProcess.Elements.LEFT_EARLY).finished().count()).isEqualTo(1);
    Response again = leftEarly(code, CAP, today());
    assertThat(again.status()).as("a double click: " + again).isEqualTo(200);
  }

  @Test
  void theTeamWorkingTheCaseReportsAnIncidentFromTasklistAndTheCoordinatorsGetTheUrgentRiskReview() throws Exception {
    String code = caseAtMdtIdentification();

    Response reported = reportInTasklist(code, MDT, "violence", today());

    assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
    assertThat(json.readTree(reported.body()).path("businessKey").asText()).isEqualTo(code);
    List<Task> reviews = reviews(instanceOf(code));
    assertThat(reviews).hasSize(1);
    assertThat(groupsOf(reviews.get(0))).containsExactly("nrs-coordinators");
    assertThat(jdbc.queryForObject("select count(*) from nrs_case_incident where case_code = ? and kind = 'violence' "
        + "and reported_by = 'ir.mdt'", Long.class, code)).isEqualTo(1);
    assertThat(audited(code, "ir.mdt", "OK")).isEqualTo(1);
  }

  @Test
  void inTasklistAnotherAgencyAnUnknownCodeAndAnEndedCaseAreRefusedAtTheCaseCodeAndNothingIsCreated() throws Exception {
    String code = caseAtMdtIdentification();
    String unknown = unknownCode();
    long reportsBefore = formReports();

    Response notMine = reportInTasklist(code, IOM, "threat", today());
    Response noSuchCase = reportInTasklist(unknown, IOM, "threat", today());
    Response tomorrow = reportInTasklist(code, MDT, "threat", today().plusDays(1));

    assertBadField(notMine, "caseCode", "no part in case " + code);
    assertThat(noSuchCase.body().replace(unknown, "CODE")).as("no oracle").isEqualTo(notMine.body().replace(code, "CODE"));
    assertBadField(tomorrow, "incidentOccurredOn", "cannot be in the future");
    assertThat(reviews(instanceOf(code))).isEmpty();
    assertThat(incidentRows(code)).isZero();
    assertThat(formReports()).as("no report process is left behind").isEqualTo(reportsBefore);
    assertThat(audited(code, "ir.iom", "REFUSED")).as("the refusal is audited").isEqualTo(1);

    Response withdrawn = http.post("/api/cases/" + code + "/consents", COORDINATOR,
        "{\"purpose\":\"assistance\",\"given\":false}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
    Response ended = reportInTasklist(code, MDT, "threat", today());

    assertBadField(ended, "caseCode", "has ended");
    assertThat(incidentRows(code)).isZero();
  }

  @Test
  void twoSubmitsOfTheTasklistFormInTheSameMomentOpenOneReviewAndRecordOneIncident() throws Exception {
    String code = caseAtMdtIdentification();

    List<Response> answers = atOnce(() -> reportInTasklist(code, MDT, "threat", today()),
        () -> reportInTasklist(code, MDT, "threat", today()));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
    assertThat(reviews(instanceOf(code))).as("one urgent risk review").hasSize(1);
    assertThat(incidentRows(code)).as("one incident").isEqualTo(1);
  }

  @Test
  void twoPostsOfTheSameReportInTheSameMomentGetOneCreatedAndTheFirstAnswerAgain() throws Exception {
    String code = caseAtMdtIdentification();
    Map<String, Object> incident = Map.of("kind", "trafficker-contact", "occurredOn", today().toString());

    List<Response> answers = atOnce(() -> report(code, MDT, incident), () -> report(code, MDT, incident));

    assertThat(answers.stream().map(Response::status).sorted().toList()).as(answers.toString()).containsExactly(200, 201);
    assertThat(json.readTree(answers.get(0).body()).path("incidentId").asText())
        .isEqualTo(json.readTree(answers.get(1).body()).path("incidentId").asText());
    assertThat(reviews(instanceOf(code))).hasSize(1);
    assertThat(incidentRows(code)).isEqualTo(1);
  }

  @Test
  void bothReportsAreDescribedInTheOpenApiDocumentWithTheClosedListOfKinds() throws Exception {
    Response described = http.get("/api/openapi.json", MDT);

    assertThat(described.status()).as(described.toString()).isEqualTo(200);
    JsonNode paths = json.readTree(described.body()).path("paths");
    assertThat(paths.path("/api/cases/{code}/safety-incidents").path("post").isMissingNode()).isFalse();
    assertThat(paths.path("/api/cases/{code}/shelter-left-early").path("post").isMissingNode()).isFalse();
    assertThat(described.body()).contains("trafficker-contact", "media-exposure");
  }

  // --- the case, worked as the agencies would

  /** A child referred in Chisinau by La Strada: the identification waits for the multidisciplinary team (MDT). */
  private String caseAtMdtIdentification() {
    Map<String, Object> form = FormSubmission.of(new RegisterReferralForm("hotline-la-strada", "moldova", null,
        "trafficking", "7-17", true, "female", false, "Called the hotline"));
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form", LA_STRADA,
        variables(form));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    try {
      String code = json.readTree(started.body()).get("businessKey").asText();
      assertThat(groupsOf(caseTask(instanceOf(code)))).containsExactly("mdt-chisinau");
      return code;
    } catch (Exception e) {
      throw new AssertionError(started.toString(), e);
    }
  }

  private void workTheCaseToAShelterPlacement(String instance) {
    submitOk(caseTask(instance), MDT, FormSubmission.of(new IdentificationInterviewForm(today(), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    // a child: the guardianship authority's first steps before consent, its agreement before the placement
    submitOk(guardianshipTask(instance, ChildProtectionProcess.Elements.ASSESS_SITUATION), GUARDIANSHIP,
        FormSubmission.of(new AssessChildSituationForm("with-family", "medium", false, null)));
    submitOk(guardianshipTask(instance, ChildProtectionProcess.Elements.APPOINT_REPRESENTATIVE), GUARDIANSHIP,
        FormSubmission.of(new AppointRepresentativeForm("parent", false)));
    // the team interviews the child the child-friendly way before the consent
    submitOk(guardianshipTask(instance, ChildProtectionProcess.Elements.CHILD_FRIENDLY_INTERVIEW), MDT,
        FormSubmission.of(new ChildFriendlyInterviewForm("mdt-chisinau", true, today(), false)));
    submitOk(caseTask(instance), MDT, InformedConsent.given("guardianship-chisinau", "cap-chisinau")
        .forAChild("legal-representative", "heard-agrees").submission());
    submitOk(caseTask(instance), MDT, FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), true,
        "Shelter and psychological support")));
    submitOk(caseTask(instance), COORDINATOR, Map.of(PLAN_DECISION.name(), "approve"));
    submitOk(guardianshipTask(instance, BestInterestsProcess.Elements.DETERMINE), GUARDIANSHIP,
        FormSubmission.of(new DetermineBestInterestsForm("traced-safe", "heard-agrees", null, BestInterestsProcess.AGREE,
            null, null)));
  }

  private Task guardianshipTask(String instance, String taskKey) {
    String code = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey)
        .singleResult();
  }

  private Response report(String code, Credentials who, Map<String, Object> body) throws Exception {
    return http.post("/api/cases/" + code + "/safety-incidents", who, json.writeValueAsString(body));
  }

  /** The start form "Report a safety incident" as Tasklist submits it. */
  private Response reportInTasklist(String code, Credentials who, String kind, LocalDate occurredOn) {
    return http.post("/engine-rest/process-definition/key/" + SafetyIncidentReportProcess.KEY + "/submit-form", who,
        variables(FormSubmission.of(new ReportSafetyIncidentForm(code, kind, occurredOn))));
  }

  /** The two submits sent from two threads released together, as a double click sends them. */
  private List<Response> atOnce(Callable<Response> one, Callable<Response> two)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Response>> sent = List.of(one, two).stream()
          .map(submit -> threads.submit(() -> {
            together.await();
            return submit.call();
          })).toList();
      List<Response> answers = new ArrayList<>();
      for (Future<Response> answer : sent) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  private long formReports() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(SafetyIncidentReportProcess.KEY).count();
  }

  private Response notReachable(String code, Credentials who, LocalDate since) {
    return http.post("/api/cases/" + code + "/person-not-reachable", who, "{\"since\":\"" + since + "\"}");
  }

  private Response leftEarly(String code, Credentials who, LocalDate leftOn) {
    return http.post("/api/cases/" + code + "/shelter-left-early", who, "{\"leftOn\":\"" + leftOn + "\"}");
  }

  private void assertBadField(Response response, String field, String problem) throws Exception {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    JsonNode errors = json.readTree(response.body()).path("fieldErrors");
    assertThat(errors.isArray()).as(response.toString()).isTrue();
    assertThat(errors.get(0).path("field").asText()).as(response.toString()).isEqualTo(field);
    assertThat(errors.get(0).path("message").asText()).as(response.toString()).contains(problem);
  }

  private String message(Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }

  private static LocalDate today() {
    return LocalDate.now(CHISINAU);
  }

  /** The audit rows of incident reports on the case by this user with this outcome. */
  private long audited(String code, String actor, String outcome) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = 'INCIDENT_REPORTED' and case_code = ? "
        + "and actor = ? and outcome = ?", Long.class, code, actor, outcome);
  }

  /** A well-formed code no case has. */
  private static String unknownCode() {
    return "NRS-2026-" + (900000000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 99999999L));
  }

  private long incidentRows(String code) {
    return jdbc.queryForObject("select count(*) from nrs_case_incident where case_code = ?", Long.class, code);
  }

  private long notes(String code) {
    return jdbc.queryForObject("select count(*) from nrs_case_incident where case_code = ? and note_sealed is not null",
        Long.class, code);
  }

  private String instanceOf(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
  }

  private List<Task> reviews(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.URGENT_RISK_REVIEW).list();
  }

  private Task caseTask(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN)
        .singleResult();
  }

  private Task shelterTask(String code, String taskKey) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(ShelterPlacementProcess.KEY)
        .processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
  }

  private List<String> groupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  private void submitOk(Task task, Credentials who, Map<String, Object> form) {
    assertThat(task).as("the task to complete").isNotNull();
    Response response = http.post("/engine-rest/task/" + task.getId() + "/submit-form", who, variables(form));
    assertThat(response.status()).as(task.getTaskDefinitionKey() + ": " + response).isEqualTo(204);
  }

  /** Variables as Tasklist sends them: checklists as JSON strings. */
  private String variables(Map<String, Object> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Object> field : form.entrySet()) {
        Object value = field.getValue();
        variables.put(field.getKey(), value instanceof List<?>
            ? Map.of("value", json.writeValueAsString(value), "type", "Json")
            : Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
      }
      return json.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
