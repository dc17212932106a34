package md.nrs.referral.hotline;

import md.nrs.referral.errors.ProblemType;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_LANGUAGE;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_TYPE;
import static md.nrs.referral.hotline.HotlineCallProcess.CASE_CODE;
import static md.nrs.referral.hotline.HotlineCallProcess.OPERATOR_AGENCY;
import static md.nrs.referral.hotline.HotlineCallProcess.REGION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Hotline calls through the running application: the Interaction trustline operator of the demo records
 * an SOS call from the Transnistria region with the start form over /engine-rest, and the statistics
 * count calls per line over /api/hotline. The engine is only read from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-hotline-http;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotlineCallOverHttpTest {

  private static final String DEMO_PASSWORD = "Demo#NRS-2026";
  private static final String PASSWORD = "Test#Secret-2026";
  private static final String SUBMIT = "/engine-rest/process-definition/key/hotline-call/submit-form";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "hc.caseworker", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "hc.secretariat", PASSWORD, "permanent-secretariat");
  }

  @Test
  void anSosCallFromTheTransnistriaTrustlineBecomesAnNrsCaseWithItsSourceAndRegion() throws Exception {
    Response started = http.post(SUBMIT, basic("interaction.operator", DEMO_PASSWORD), form("ru", "possible-victim",
        "trafficking-suspicion", "transnistria", ""));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String callId = json.readTree(started.body()).get("id").asText();

    String caseCode = (String) engine.getRuntimeService().getVariable(callId, CASE_CODE.name());
    assertThat(caseCode).matches(CaseCodes.FORMAT);
    assertThat(engine.getRuntimeService().getVariables(callId)).containsEntry(OPERATOR_AGENCY.name(), "interaction")
        .containsEntry(CALL_TYPE.name(), "sos").containsEntry(CALL_LANGUAGE.name(), "ru").containsEntry(REGION.name(), "transnistria");
    ProcessInstance nrsCase = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
    assertThat(engine.getRuntimeService().getVariables(nrsCase.getId()))
        .containsEntry(CHANNEL.name(), "trustline-interaction").containsEntry(LOCATION.name(), "transnistria");

    // the trustline sees its call-back in its task list
    Response tasks = http.get("/engine-rest/task?maxResults=10&processInstanceId=" + callId, basic("interaction.operator", DEMO_PASSWORD));
    assertThat(json.readTree(tasks.body())).hasSize(1);
    assertThat(json.readTree(tasks.body()).get(0).get("taskDefinitionKey").asText()).isEqualTo(HotlineCallProcess.Elements.CALL_BACK);
  }

  @Test
  void theLaStradaHotlineOperatorRecordsCallsForLaStradaWhateverTheFormSays() throws Exception {
    Response claimingAnotherLine = http.post(SUBMIT, basic("lastrada.hotline", DEMO_PASSWORD),
        "{\"variables\":{\"operatorAgency\":{\"value\":\"interaction\"}," + fields("ro", "other", "migration-info", "moldova") + "}}");
    assertThat(claimingAnotherLine.status()).as("the line is not a form field").isEqualTo(400);
    assertThat(claimingAnotherLine.body()).contains("operatorAgency");

    Response started = http.post(SUBMIT, basic("lastrada.hotline", DEMO_PASSWORD), form("ro", "other", "migration-info", "moldova", ""));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String callId = json.readTree(started.body()).get("id").asText();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(callId)
        .variableName(OPERATOR_AGENCY.name()).singleResult().getValue()).isEqualTo("la-strada");
  }

  @Test
  void anIncompleteCallIsRefusedWithEveryBadFieldAndStaffWithoutALineCannotRecordCalls() throws Exception {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY).count();

    Response incomplete = http.post(SUBMIT, basic("interaction.operator", DEMO_PASSWORD),
        "{\"variables\":{\"callLanguage\":{\"value\":\"en\"},\"topic\":{\"value\":\"other\"}}}");
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body()).contains("callLanguage", "callerType", "region");

    Response caseworker = http.post(SUBMIT, basic("hc.caseworker", PASSWORD), form("ro", "other", "other", "moldova", ""));
    assertThat(caseworker.status()).as(caseworker.toString()).isEqualTo(403);

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void theSummaryCountsCallsPerLineAndCallTypeForManagersCoordinatorsAndTheSecretariat() throws Exception {
    String today = LocalDate.now(ZoneId.of("Europe/Chisinau")).toString();
    String path = "/api/hotline/calls/summary?from=" + today + "&to=" + today;
    JsonNode before = json.readTree(http.get(path, basic("nrs.manager", DEMO_PASSWORD)).body());

    http.post(SUBMIT, basic("interaction.operator", DEMO_PASSWORD), form("ru", "relative-or-friend", "missing-person", "transnistria", ""));
    http.post(SUBMIT, basic("interaction.operator", DEMO_PASSWORD), form("ru", "other", "migration-info", "transnistria", ""));
    http.post(SUBMIT, basic("lastrada.hotline", DEMO_PASSWORD), form("ro", "professional", "other", "moldova", ""));

    Response manager = http.get(path, basic("nrs.manager", DEMO_PASSWORD));
    assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
    JsonNode after = json.readTree(manager.body());
    assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(3);
    assertThat(delta(before, after, "interaction", "sos")).isEqualTo(1);
    assertThat(delta(before, after, "interaction", "information")).isEqualTo(1);
    assertThat(delta(before, after, "la-strada", "consultation")).isEqualTo(1);
    assertThat(delta(before, after, "la-strada", "sos")).isZero();
    assertThat(after.get("rows")).hasSize(6);
    assertThat(manager.body()).doesNotContain("NRS-");

    assertThat(http.get(path, basic("nrs.coordinator", DEMO_PASSWORD)).status()).isEqualTo(200);
    assertThat(http.get(path, basic("hc.secretariat", PASSWORD)).status()).isEqualTo(200);
    Response operator = http.get(path, basic("interaction.operator", DEMO_PASSWORD));
    assertThat(operator.status()).isEqualTo(403);
    assertThat(operator.body()).contains(ProblemType.FORBIDDEN.uri().toString());
    assertThat(http.get(path, null).status()).isEqualTo(401);

    Response badPeriod = http.get("/api/hotline/calls/summary?from=2026-13-01&to=" + today, basic("nrs.manager", DEMO_PASSWORD));
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.body()).contains("\"field\":\"from\"");
    Response reversed = http.get("/api/hotline/calls/summary?from=2026-06-30&to=2026-01-01", basic("nrs.manager", DEMO_PASSWORD));
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body()).contains("must not be before from");
    Response missing = http.get("/api/hotline/calls/summary", basic("nrs.manager", DEMO_PASSWORD));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"from\"", "\"field\":\"to\"");
  }

  private static long delta(JsonNode before, JsonNode after, String agency, String type) {
    return after.get("byOperatorAgency").get(agency).get(type).asLong() - before.get("byOperatorAgency").get(agency).get(type).asLong();
  }

  private static String form(String language, String callerType, String topic, String region, String extra) {
    return "{\"variables\":{" + fields(language, callerType, topic, region) + extra + "}}";
  }

  private static String fields(String language, String callerType, String topic, String region) {
    return "\"callLanguage\":{\"value\":\"" + language + "\"},\"callerType\":{\"value\":\"" + callerType + "\"},"
        + "\"topic\":{\"value\":\"" + topic + "\"},\"region\":{\"value\":\"" + region + "\"},"
        + "\"immediateDanger\":{\"value\":false},\"minorInvolved\":{\"value\":false},\"followUpAgreed\":{\"value\":false},"
        + "\"callSummary\":{\"value\":\"Caller asked for advice\"}";
  }
}
