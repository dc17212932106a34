package md.nrs.referral.intake;

import static md.nrs.referral.casepath.NrsCaseProcess.CASE_CODE;
import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import md.nrs.referral.errors.ProblemType;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.casepath.NrsCaseProcess.URGENCY;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The referral intake API over real HTTP: a referral opens one case however often it is sent; a bad body
 * is a 400 naming every bad field, and no bad, oversized, malformed or refused request leaves an intake
 * record or a process instance behind; only staff of an agency may refer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-referral-intake;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralIntakeApiTest {

  static final String PASSWORD = "Test#Intake-2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired ReferralIntakeRepository intakes;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired javax.sql.DataSource dataSource;
  @LocalServerPort int port;

  private PlatformHttp http;
  private int reference;

  @BeforeAll
  void usersOfAnNgoAManagerAndSomeoneOfTwoAgencies() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "intake.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "intake.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "intake.manager", PASSWORD, "managers");
    TestUsers.ensure(engine, "intake.twoagencies", PASSWORD, "la-strada", "cnfacem", "caseworkers");
  }

  @Test
  void aReferralPostedTwiceOpensOneCaseAndAnswersTheSameBodyTwice() throws Exception {
    String body = referral(nextReference());

    Response first = post("intake.lastrada", body);
    Response again = post("intake.lastrada", body);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    JsonNode receipt = JSON.readTree(first.body());
    String caseCode = receipt.get("caseCode").asText();
    assertThat(caseCode).matches("NRS-\\d{4}-\\d{6,}");
    assertThat(receipt.get("referringAgency").asText()).isEqualTo("la-strada");
    assertThat(receipt.at("/links/self").asText()).isEqualTo("/api/referrals/" + receipt.get("sourceReference").asText());
    assertThat(receipt.at("/links/tasklist").asText()).isEqualTo("/camunda/app/tasklist/default/");
    assertThat(first.header("Location")).endsWith(receipt.at("/links/self").asText());
    assertThat(casesWithCode(caseCode)).isEqualTo(1);
    assertThat(intakes.findAll()).filteredOn(row -> row.getCaseCode().equals(caseCode)).hasSize(1);
  }

  @Test
  void theCaseOpenedTakesTheFactsOfTheStartFormAndIsTriaged() throws Exception {
    String caseCode = JSON.readTree(post("intake.lastrada", referral(nextReference())).body()).get("caseCode").asText();

    var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey(NrsCaseProcess.KEY).singleResult();
    var variables = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(variables).containsEntry(CASE_CODE.name(), caseCode).containsEntry(CHANNEL.name(), "ngo")
        .containsEntry(LOCATION.name(), "moldova").containsEntry(CATEGORY.name(), "trafficking").containsEntry(MINOR.name(), false)
        .containsEntry(SEX.name(), "female").containsKey(URGENCY.name()).doesNotContainKey("sourceReference");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(NrsCaseProcess.Elements.IDENTIFICATION);
  }

  @Test
  void theSameReferenceFromAnotherAgencyIsAnotherReferral() throws Exception {
    String ref = nextReference();
    Response laStrada = post("intake.lastrada", referral(ref));
    Response cap = post("intake.cap", referral(ref));

    assertThat(laStrada.status()).isEqualTo(201);
    assertThat(cap.status()).isEqualTo(201);
    assertThat(JSON.readTree(cap.body()).get("caseCode").asText()).isNotEqualTo(JSON.readTree(laStrada.body()).get("caseCode").asText());
  }

  @Test
  void aDifferentReferralUnderAUsedReferenceIsAConflictAndOpensNoCase() throws Exception {
    String ref = nextReference();
    String caseCode = JSON.readTree(post("intake.lastrada", referral(ref)).body()).get("caseCode").asText();
    long cases = allCases();

    Response changed = post("intake.lastrada", referral(ref).replace("\"trafficking\"", "\"domestic-violence\""));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
    assertThat(changed.body()).contains(caseCode).contains(ref);
    assertThat(allCases()).isEqualTo(cases);
  }

  @Test
  void theSourceFindsItsReferralByItsReferenceAndNoOtherAgencyDoes() throws Exception {
    String ref = nextReference();
    Response created = post("intake.lastrada", referral(ref));

    Response found = http.get("/api/referrals/" + ref, basic("intake.lastrada", PASSWORD));
    Response otherAgency = http.get("/api/referrals/" + ref, basic("intake.cap", PASSWORD));

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).isEqualTo(created.body());
    assertThat(otherAgency.status()).isEqualTo(404);
  }

  @Test
  void aBodyWithManyMistakesIsA400NamingEveryBadFieldWithoutItsValuesAndOpensNoCase() throws Exception {
    long cases = allCases();
    long rows = intakes.count();
    String body = """
        {"channel": "carrier-pigeon", "location": "abroad", "category": 7, "minor": "perhaps",
         "immediateDanger": false, "referralSummary": "%s", "fullName": "Secret-Name Ivanova",
         "person": {"givenName": "Secret-Name", "dateOfBirth": "yesterday", "email": "not-an-address", "shoeSize": 38}}
        """.formatted("x".repeat(2001));

    Response response = post("intake.lastrada", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).get("fieldErrors");
    List<String> fields = new ArrayList<>();
    errors.forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("ageBand", "category", "channel", "country", "fullName", "minor", "person.dateOfBirth",
        "person.email", "person.shoeSize", "referralSummary", "sex", "sourceReference");
    assertThat(response.body()).doesNotContain("Secret-Name").doesNotContain("carrier-pigeon").doesNotContain("perhaps");
    assertThat(allCases()).isEqualTo(cases);
    assertThat(intakes.count()).isEqualTo(rows);
  }

  @Test
  void valuesOfTheWrongTypeAreNamedField() throws Exception {
    String body = referral(nextReference()).replace("\"minor\": false", "\"minor\": {\"years\": 17}")
        .replace("\"sex\": \"female\"", "\"sex\": [\"female\"]");

    Response response = post("intake.lastrada", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(fieldsOf(response)).containsExactly("minor", "sex");
  }

  @Test
  void aSourceReferenceThatIsNotTextOrTooLongIsNamed() throws Exception {
    assertThat(fieldsOf(post("intake.lastrada", referral("x").replace("\"x\"", "42")))).containsExactly("sourceReference");
    assertThat(fieldsOf(post("intake.lastrada", referral("a".repeat(101))))).containsExactly("sourceReference");
    assertThat(fieldsOf(post("intake.lastrada", referral("has space")))).containsExactly("sourceReference");
    assertThat(fieldsOf(post("intake.lastrada", referral(nextReference()).replace("\"location\": \"moldova\"",
        "\"location\": \"moldova\", \"person\": \"Ivanova\"")))).containsExactly("person");
  }

  @Test
  void malformedJsonAndBodiesThatAreNotOneObjectAre400AndLeaveNothing() {
    long cases = allCases();
    long rows = intakes.count();

    for (String body : List.of("{\"sourceReference\": \"LS-1\", ", "", "[1, 2]", "\"text\"", "null",
        referral("LS-TWICE") + referral("LS-TWICE"), "{\"sourceReference\": \"A\", \"sourceReference\": \"B\"}")) {
      Response response = post("intake.lastrada", body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(JSON.valueToTree(response.body()).asText()).contains(ProblemType.INVALID_REQUEST.uri().toString());
    }
    assertThat(allCases()).isEqualTo(cases);
    assertThat(intakes.count()).isEqualTo(rows);
  }

  @Test
  void aBodyOver64KilobytesIs413AndLeavesNothing() {
    long cases = allCases();
    long rows = intakes.count();
    String body = referral(nextReference()).replace("\"referralSummary\": \"Met at the bus station\"",
        "\"referralSummary\": \"" + "x".repeat(70 * 1024) + "\"");

    Response response = post("intake.lastrada", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(allCases()).isEqualTo(cases);
    assertThat(intakes.count()).isEqualTo(rows);
  }

  @Test
  void aBodyThatIsNotJsonByItsContentTypeIs415() {
    Response response = http.postForm("/api/referrals", basic("intake.lastrada", PASSWORD), java.util.Map.of(CHANNEL.name(), "ngo"));

    assertThat(response.status()).isEqualTo(415);
  }

  @Test
  void thePersonSentWithAReferralIsSealedInTheVaultUnderTheCaseCode() throws Exception {
    String body = referral(nextReference()).replace("\"location\": \"moldova\"",
        "\"location\": \"moldova\", \"person\": {\"givenName\": \"Secret-Name\", \"dateOfBirth\": \"2001-04-05\","
            + " \"documentType\": \"passport\", \"documentNumber\": \"SEALED-77\"}");

    Response response = post("intake.lastrada", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    String caseCode = JSON.readTree(response.body()).get("caseCode").asText();
    java.util.Map<String, Object> row = jdbc.queryForMap(
        "select key_id, given_name, date_of_birth, document_number, recorded_agency from nrs_person where case_code = ?", caseCode);
    assertThat(row.get("recorded_agency")).isEqualTo("la-strada");
    assertThat(String.valueOf(row.get("given_name"))).isNotBlank().doesNotContain("Secret");
    assertThat(String.valueOf(row.get("date_of_birth"))).isNotBlank().doesNotContain("2001");
    assertThat(String.valueOf(row.get("document_number"))).isNotBlank().doesNotContain("SEALED");
  }

  @Test
  void aPersonWithAnUnknownDocumentTypeIsA400AndNothingRemains() throws Exception {
    long cases = allCases();
    long rows = intakes.count();
    String body = referral(nextReference()).replace("\"location\": \"moldova\"",
        "\"location\": \"moldova\", \"person\": {\"givenName\": \"Secret-Name\", \"documentType\": \"library-card\"}");

    Response response = post("intake.lastrada", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains("person.documentType").doesNotContain("Secret-Name");
    assertThat(allCases()).isEqualTo(cases);
    assertThat(intakes.count()).isEqualTo(rows);
  }

  @Test
  void withoutCredentialsItIs401() {
    Response response = http.post("/api/referrals", null, referral(nextReference()));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void aManagerWhoIsNoAgencysStaffMayNotReferAndNorMaySomeoneOfTwoAgencies() {
    long cases = allCases();

    Response manager = post("intake.manager", referral(nextReference()));
    Response twoAgencies = post("intake.twoagencies", referral(nextReference()));

    assertThat(manager.status()).isEqualTo(403);
    assertThat(manager.body()).contains("belongs to no agency");
    assertThat(twoAgencies.status()).isEqualTo(403);
    assertThat(twoAgencies.body()).contains("cnfacem, la-strada");
    assertThat(http.get("/api/referrals/LS-1", basic("intake.manager", PASSWORD)).status()).isEqualTo(403);
    assertThat(allCases()).isEqualTo(cases);
  }

  @Test
  void theSameReferralPostedAtOnceFromTwoThreadsOpensOneCase() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String body = referral(nextReference());
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Response>> posts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          posts.add(CompletableFuture.supplyAsync(() -> {
            await(together);
            return post("intake.lastrada", body);
          }, threads));
        }
        Response one = posts.get(0).get(60, TimeUnit.SECONDS);
        Response other = posts.get(1).get(60, TimeUnit.SECONDS);

        assertThat(List.of(one.status(), other.status())).as(one + " / " + other).containsExactlyInAnyOrder(201, 200);
        String caseCode = JSON.readTree(one.body()).get("caseCode").asText();
        assertThat(JSON.readTree(other.body()).get("caseCode").asText()).isEqualTo(caseCode);
        assertThat(casesWithCode(caseCode)).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theOpenApiDescriptionDescribesTheReferralFromTheStartFormsContractBehindAuthentication() throws Exception {
    Response anonymous = http.get("/api/openapi.json", null);
    Response description = http.get("/api/openapi.json", basic("intake.lastrada", PASSWORD));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(description.status()).as(description.toString()).isEqualTo(200);
    JsonNode api = JSON.readTree(description.body());
    assertThat(api.at("/paths/~1api~1referrals/post/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ReferralRequest");
    JsonNode request = api.at("/components/schemas/ReferralRequest");
    assertThat(request.get("required").toString()).contains("sourceReference", "channel", "location", "category", "sex");
    assertThat(request.at("/properties/channel/enum").toString()).contains("partner-abroad", "police-cctp");
    assertThat(request.at("/properties/person/$ref").asText()).isEqualTo("#/components/schemas/IntakePerson");
    assertThat(api.at("/components/schemas/IntakePerson/properties/dateOfBirth/format").asText()).isEqualTo("date");
  }

  @Test
  void twiceAsManyReferralsAtOnceAsThePoolHasConnectionsAreAllRegistered() throws Exception {
    // each referral's transaction has its audit appended; that append once needed a second connection after the
    // commit, and this many requests in flight held every connection waiting for one another (30 s, then 503)
    int clients = 2 * ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(clients);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String body = referral(nextReference());
        answers.add(threads.submit(() -> {
          start.await();
          Response response = post("intake.lastrada", body);
          while (response.status() == 429) { // the login throttle counts in-flight requests of one account
            Thread.sleep(Long.parseLong(response.header("Retry-After")) * 1000);
            response = post("intake.lastrada", body);
          }
          return response.status();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (java.util.concurrent.Future<Integer> answer : answers) {
        statuses.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
      }
      assertThat(statuses).hasSize(clients).containsOnly(201);
    } finally {
      threads.shutdownNow();
    }
  }

  // --- helpers

  private Response post(String user, String body) {
    return http.post("/api/referrals", basic(user, PASSWORD), body);
  }

  private List<String> fieldsOf(Response response) throws Exception {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.body()).get("fieldErrors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private String nextReference() {
    return "LS-2026-" + (++reference) + "-" + System.nanoTime();
  }

  static String referral(String sourceReference) {
    return """
        {"sourceReference": "%s", "channel": "ngo", "location": "moldova", "category": "trafficking",
         "minor": false, "sex": "female", "ageBand": "18+", "immediateDanger": false, "referralSummary": "Met at the bus station"}
        """.formatted(sourceReference);
  }

  private long casesWithCode(String caseCode) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).count();
  }

  private long allCases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
