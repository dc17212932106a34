package md.nrs.referral.errors;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 item 7, from the attacker's side: a value sent with a client mistake comes back neither in the
 * answer nor in the server's log (each value carries a marker the test looks for), and a user name with line
 * breaks cannot forge a line of the audit trail. H2: {@link NoEchoOnH2Test}; PostgreSQL: {@link NoEchoOnPostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class NoEchoContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials LA_STRADA = basic("ne.lastrada", PASSWORD);
  static final Credentials AUDITOR = basic("ne.auditor", PASSWORD);
  static final Credentials SECRETARIAT = basic("ne.secretariat", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @Autowired
  DataSource dataSource;

  @LocalServerPort
  int port;

  PlatformHttp http;

  @BeforeAll
  void usersAndFixture() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "ne.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ne.auditor", PASSWORD, "auditors");
    TestUsers.ensure(engine, "ne.secretariat", PASSWORD, "permanent-secretariat");
    engine.getRepositoryService().createDeployment().name("no-echo-fixture")
        .addClasspathResource("fixtures/agency-task.bpmn").enableDuplicateFiltering(true).deploy();
  }

  @Test
  void aVariableThatCannotBeConvertedIsNamedButItsValueIsNotRepeated(CapturedOutput log) {
    String task = agencyTask();

    Response response = http.post("/engine-rest/task/" + task + "/complete", LA_STRADA,
        "{\"variables\":{\"visits\":{\"value\":\"abc-ECHO-4417\",\"type\":\"Integer\"}}}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(message(response)).isNotBlank();
    assertThat(response.body()).doesNotContain("ECHO-4417");
    assertThat(log.getAll()).doesNotContain("ECHO-4417");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @Test
  void aDateThatIsNotADateIsRefusedWithoutRepeatingIt(CapturedOutput log) {
    Response inQuery = http.get("/engine-rest/task?dueAfter=notadate-ECHO-5521", LA_STRADA);
    Response inBody = http.post("/engine-rest/task", LA_STRADA, "{\"dueAfter\":\"notadate-ECHO-5522\"}");
    Response inVariable = http.post("/engine-rest/task/" + agencyTask() + "/complete", LA_STRADA,
        "{\"variables\":{\"metOn\":{\"value\":\"notadate-ECHO-5523\",\"type\":\"Date\"}}}");

    for (Response response : java.util.List.of(inQuery, inBody, inVariable)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(message(response)).isNotBlank();
      assertThat(response.body()).doesNotContain("ECHO-552");
    }
    assertThat(message(inQuery)).contains("dueAfter");
    assertThat(message(inBody)).contains("dueAfter");
    assertThat(log.getAll()).doesNotContain("ECHO-552");
  }

  @Test
  void aWronglyTypedPlatformParameterOrBodyIsNamedButNotRepeatedInAnswerOrLog(CapturedOutput log) {
    Response page = http.get("/api/audit?page=ECHO-6631", AUDITOR);
    Response year = http.get("/api/statistics/national.csv?year=ECHO-6632", SECRETARIAT);
    Response consent = http.post("/api/cases/NRS-2026-000001/consents", LA_STRADA,
        "{\"purpose\":\"assistance\",\"given\":\"ECHO-6633\"}");

    assertThat(page.status()).as(page.toString()).isEqualTo(400);
    assertThat(message(page)).contains("page");
    assertThat(year.status()).as(year.toString()).isEqualTo(400);
    assertThat(message(year)).contains("year");
    assertThat(consent.status()).as(consent.toString()).isEqualTo(400);
    assertThat(message(consent)).contains("given");
    assertThat(page.body() + year.body() + consent.body()).doesNotContain("ECHO-663");
    assertThat(log.getAll()).doesNotContain("ECHO-663");
  }

  @Test
  void aUserNameWithLineBreaksCannotForgeALineOfTheAuditTrail() throws Exception {
    String forged = "ne.nobody\r\n2026-01-01 LOGIN OK admin";

    Response response = http.get("/engine-rest/engine", basic(forged, "Wrong#Password-1"));

    assertThat(response.status()).isEqualTo(401);
    // the login audit appends after the answer has gone out
    long deadline = System.currentTimeMillis() + 10_000;
    while (auditRowsWithActorLike("%ne.nobody%") == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(auditRowsWithActorLike("%ne.nobody%")).isPositive();
    assertThat(auditRowsWithActorLike("%\n%") + auditRowsWithActorLike("%\r%")).isZero();
  }

  @Test
  void theIntakeApiRefusesAPhoneNumberTheConsentFormRefusesAndNamesTheFieldOnly() {
    String referral = "{\"sourceReference\":\"NE-PHONE-1\",\"channel\":\"ngo\",\"person\":{\"phone\":\"call me ECHO-7741\"}}";

    Response response = http.post("/api/referrals", LA_STRADA, referral);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains("person.phone").doesNotContain("ECHO-7741");
  }

  private long auditRowsWithActorLike(String pattern) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM nrs_audit WHERE actor LIKE ?")) {
      query.setString(1, pattern);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  String agencyTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, Map.of(FixtureAgencyTaskProcess.AGENCY.name(), "la-strada")).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  String message(Response response) {
    try {
      return json.readTree(response.body().getBytes(StandardCharsets.UTF_8)).path("message").asText("");
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response, e);
    }
  }
}
