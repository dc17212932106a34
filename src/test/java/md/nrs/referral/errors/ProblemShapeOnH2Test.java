package md.nrs.referral.errors;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14 item 3: one error contract. Each kind of error, provoked where a client meets it (the platform's
 * controllers, Spring before a controller, the servlet filters in front of the engine APIs, the engine API
 * itself, the container's error page), answers RFC 9457 problem details: the type's URI, its title, the status,
 * a detail repeated as "message", and fieldErrors for invalid fields. The OpenAPI document lists every type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {ErrorsOnH2.DATABASE, ErrorsOnH2.NO_JOBS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemShapeOnH2Test {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Credentials CASEWORKER = basic("ps.lastrada", PASSWORD);
  private static final Credentials AUDITOR = basic("ps.auditor", PASSWORD);
  private static final Credentials ADMIN = basic("ps.admin", PASSWORD);
  /** Kinds no request of this test can provoke on purpose; each has its own test named here. */
  private static final Set<ProblemType> PROVOKED_ELSEWHERE = EnumSet.of(
      ProblemType.MODEL_REFUSED, // ModelRevisionsOverHttpTest, ModelRevisionAttackOnH2Test
      ProblemType.MIGRATION_PLAN_INVALID, ProblemType.NOTHING_TO_MIGRATE, // ModelRevisionsOverHttpTest (migrations)
      ProblemType.CONCURRENT_CHANGE, ProblemType.TASK_ALREADY_COMPLETED, // AgencyDirectoryTest, ClientMistakeContract (races)
      ProblemType.PERSONAL_DATA_NOT_ACCEPTED, // ReferralIntakeApiTest
      ProblemType.LOGIN_THROTTLED, // LoginThrottleContract
      ProblemType.DATABASE_UNAVAILABLE, // DatabaseUnavailableTest (the database away mid-request)
      ProblemType.SERVER_ERROR); // never on purpose: ServerErrorShape below checks the body it would get

  private final ObjectMapper json = new ObjectMapper();
  private final Set<ProblemType> seen = EnumSet.noneOf(ProblemType.class);

  private PlatformHttp http;

  @BeforeAll
  void users(@Autowired ProcessEngine engine, @LocalServerPort int port) {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "ps.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ps.auditor", PASSWORD, NrsRole.AUDITORS.groupId());
    TestUsers.ensure(engine, "ps.admin", PASSWORD, NrsRole.ADMINISTRATORS.groupId());
  }

  @Test
  void aControllersInvalidRequestNamesTheFields() {
    Response response = http.get("/api/hotline/calls/summary?from=yesterday&to=2026-01-31", basic("ps.admin", PASSWORD));

    JsonNode problem = problem(response, ProblemType.INVALID_REQUEST);
    assertThat(problem.get("fieldErrors")).hasSize(1);
    assertThat(problem.get("fieldErrors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(problem.get("fieldErrors").get(0).get("message").asText()).isNotBlank();
  }

  @Test
  void springsInvalidParameterBeforeAControllerNamesIt() {
    JsonNode problem = problem(http.get("/api/audit?page=first", AUDITOR), ProblemType.INVALID_REQUEST);

    assertThat(problem.get("fieldErrors").get(0).get("field").asText()).isEqualTo("page");
  }

  @Test
  void theEngineApisInvalidPagingNamesTheParameter() {
    JsonNode problem = problem(http.get("/engine-rest/task?firstResult=-1", CASEWORKER), ProblemType.INVALID_REQUEST);

    assertThat(problem.get("fieldErrors").get(0).get("field").asText()).isEqualTo("firstResult");
  }

  @Test
  void aFilterInFrontOfTheEngineRefusesAnExpressionInATaskQueryNamingTheField() {
    Response response = http.post("/engine-rest/task", CASEWORKER, "{\"assigneeExpression\": \"${currentUser()}\"}");

    JsonNode problem = problem(response, ProblemType.INVALID_REQUEST);
    assertThat(problem.get("fieldErrors")).isNotEmpty();
  }

  @Test
  void anInvalidFormSubmissionNamesEachField() {
    Response response = http.post("/engine-rest/process-definition/key/nrs-case/submit-form", CASEWORKER,
        "{\"variables\": {}}");

    JsonNode problem = problem(response, ProblemType.INVALID_FORM);
    assertThat(problem.get("fieldErrors")).isNotEmpty();
    assertThat(problem.get("form").asText()).isNotBlank();
  }

  @Test
  void noCredentialsIsAuthenticationRequired() {
    problem(http.get("/api/agencies", null), ProblemType.AUTHENTICATION_REQUIRED);
  }

  @Test
  void aRoleTheControllerRequiresIsForbidden() {
    JsonNode problem = problem(http.get("/api/audit", CASEWORKER), ProblemType.FORBIDDEN);

    assertThat(problem.get("message").asText()).contains("auditors");
  }

  @Test
  void aFilterInFrontOfTheWebappsRefusesCockpitToACaseworker() {
    PlatformHttp.WebappSession tasklist = http.login("tasklist", "ps.lastrada", PASSWORD);

    problem(http.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", tasklist),
        ProblemType.FORBIDDEN);
  }

  @Test
  void aWebappRequestWithAWrongCsrfTokenIsRefusedAsSuch() {
    PlatformHttp.WebappSession tasklist = http.login("tasklist", "ps.lastrada", PASSWORD);
    Credentials forged = builder -> {
      tasklist.apply(builder);
      builder.setHeader("X-XSRF-TOKEN", "forged");
    };

    problem(http.post("/camunda/api/engine/engine/default/task", forged, "{}"), ProblemType.CSRF_TOKEN);
  }

  @Test
  void missingThingsAreNotFoundWhoeverAnswers() {
    problem(http.get("/api/dv-groups/no-such-group", CASEWORKER), ProblemType.NOT_FOUND);
    problem(http.get("/engine-rest/task/00000000-0000-0000-0000-000000000000", CASEWORKER), ProblemType.NOT_FOUND);
    problem(http.get("/api/no-such-resource", CASEWORKER), ProblemType.NOT_FOUND);
  }

  @Test
  void aMethodTheResourceDoesNotAllow() {
    Response response = http.delete("/api/agencies/la-strada", ADMIN);

    problem(response, ProblemType.METHOD_NOT_ALLOWED);
    assertThat(response.header("Allow")).isEqualTo("GET, PUT");
  }

  @Test
  void anAnswerTheClientCannotAccept() {
    Credentials wantsAPicture = builder -> {
      CASEWORKER.apply(builder);
      builder.setHeader("Accept", "image/png");
    };

    Response response = http.get("/api/agencies", wantsAPicture);

    assertThat(response.status()).as(response.toString()).isEqualTo(406);
    seen.add(ProblemType.NOT_ACCEPTABLE);
  }

  @Test
  void anAgencyThatExistsAlreadyIsAConflict() {
    Response response = http.post("/api/agencies", ADMIN, "{\"id\": \"cap-chisinau\", \"name\": \"Another CAP\", "
        + "\"kind\": \"agency\"}");

    problem(response, ProblemType.CONFLICT);
  }

  @Test
  void aBodyOfTheWrongMediaTypeOrTooLarge() {
    problem(http.postForm("/api/agencies", ADMIN, Map.of("id", "x")), ProblemType.UNSUPPORTED_MEDIA_TYPE);
    problem(http.post("/api/referrals", CASEWORKER, "{\"sourceReference\": \"" + "x".repeat(70_000) + "\"}"),
        ProblemType.TOO_LARGE);
  }

  @Test
  void everyKindHasTheSameShapeAsWritten() throws Exception {
    for (ProblemType type : ProblemType.values()) {
      ClientMistake mistake = new ClientMistake(type.status(), type, "What is wrong",
          List.of(new md.nrs.referral.errors.FieldError("field", "is wrong")));
      JsonNode body = json.readTree(Problems.json(mistake));
      assertThat(body.get("type").asText()).isEqualTo(type.uri().toString()).startsWith("urn:nrs:problem:");
      assertThat(body.get("title").asText()).isEqualTo(type.title());
      assertThat(body.get("status").asInt()).isEqualTo(type.status());
      assertThat(body.get("detail").asText()).isEqualTo("What is wrong");
      assertThat(body.get("message").asText()).isEqualTo("What is wrong");
      assertThat(body.get("fieldErrors").get(0).get("field").asText()).isEqualTo("field");
    }
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct()).hasSize(ProblemType.values().length);
  }

  @Test
  void theOpenApiDocumentShowsTheProblemSchemaWithEveryType() throws Exception {
    Response response = http.get("/api/openapi.json", CASEWORKER);
    assertThat(response.status()).isEqualTo(200);
    JsonNode api = json.readTree(response.body());

    JsonNode problem = api.at("/components/schemas/Problem");
    assertThat(problem.at("/properties/type/enum")).hasSize(ProblemType.values().length);
    assertThat(problem.at("/properties").fieldNames()).toIterable()
        .contains("type", "title", "status", "detail", "message", "fieldErrors");
    JsonNode intake400 = api.at("/paths/~1api~1referrals/post/responses/400/content");
    assertThat(intake400.get(Problems.CONTENT_TYPE).at("/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
  }

  @AfterAll
  void everyKindWasProvokedHereOrHasItsOwnTest() {
    Set<ProblemType> missing = EnumSet.allOf(ProblemType.class);
    missing.removeAll(seen);
    missing.removeAll(PROVOKED_ELSEWHERE);
    assertThat(missing).as("kinds of error no test provokes").isEmpty();
  }

  private JsonNode problem(Response response, ProblemType type) {
    assertThat(response.status()).as(response.toString()).isEqualTo(type.status());
    assertThat(response.header("Content-Type")).as(response.toString()).containsPattern("^application/(problem\\+)?json");
    try {
      JsonNode body = json.readTree(response.body());
      assertThat(body.get("type").asText()).as(response.toString()).isEqualTo(type.uri().toString());
      assertThat(body.get("title").asText()).isEqualTo(type.title());
      assertThat(body.get("status").asInt()).isEqualTo(type.status());
      assertThat(body.get("detail").asText()).isNotBlank();
      assertThat(body.get("message").asText()).isEqualTo(body.get("detail").asText());
      seen.add(type);
      return body;
    } catch (java.io.IOException e) {
      throw new AssertionError("Not JSON: " + response, e);
    }
  }
}
