package md.nrs.referral.hotline;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hotline call whose answer was lost can be sent again under its Idempotency-Key: the same form gets the same
 * call (one process), a different form under the key a 409 naming it, and a burst of the same request at once
 * still one call. Run on H2 and on PostgreSQL, through the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HotlineCallIdempotencyContract {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String SUBMIT = "/engine-rest/process-definition/key/" + HotlineCallProcess.KEY + "/submit-form";
  private static final String OPERATOR = "hi.operator";
  private static final String OTHER_OPERATOR = "hi.operator.2";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void operatorsOfTheLaStradaHotline() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, OPERATOR, PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, OTHER_OPERATOR, PASSWORD, "la-strada", "caseworkers");
  }

  @Test
  void theSameCallSentAgainUnderItsKeyIsTheSameCallAndNoSecondProcess() throws Exception {
    String key = key();
    long before = calls();

    Response first = call(OPERATOR, key, form("Caller asked about a job offer in Italy"));
    Response again = call(OPERATOR, key, form("Caller asked about a job offer in Italy"));

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(id(again)).isEqualTo(id(first));
    assertThat(again.header(HotlineCallIdempotency.REPLAYED)).isEqualTo("true");
    assertThat(first.header(HotlineCallIdempotency.REPLAYED)).isNull();
    assertThat(calls() - before).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT request_hash || ' ' || response_body FROM nrs_hotline_call_request"
        + " WHERE idempotency_key = ?", String.class, key)).as("the key keeps the process, never what the caller said")
        .singleElement().asString().contains(id(first)).doesNotContain("Italy");
  }

  @Test
  void aDifferentCallUnderAKeyAlreadyUsedIsAConflictNamingTheKeyAndChangesNothing() throws Exception {
    String key = key();
    Response first = call(OPERATOR, key, form("Caller asked about a job offer in Italy"));
    long before = calls();

    Response different = call(OPERATOR, key, form("Caller asked about a visa for Germany"));

    assertThat(different.status()).as(different.toString()).isEqualTo(409);
    assertThat(different.body()).contains(ProblemType.CONFLICT.uri().toString(), "\"field\":\"Idempotency-Key\"",
        "Idempotency-Key " + key, id(first));
    assertThat(calls()).isEqualTo(before);
  }

  @Test
  void aBurstOfTheSameCallAtOnceIsStillOneCall() throws Exception {
    String key = key();
    long before = calls();
    String body = form("Caller asked about seasonal work abroad");
    int senders = 6;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < senders; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return call(OPERATOR, key, body);
        }));
      }
      go.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        ids.add(id(response));
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls() - before).isEqualTo(1);
  }

  @Test
  void aRefusedCallKeepsNoKeySoTheCorrectedFormGoesThroughUnderIt() throws Exception {
    String key = key();
    long before = calls();

    Response incomplete = call(OPERATOR, key, "{\"variables\":{\"callLanguage\":{\"value\":\"ro\"}}}");
    Response corrected = call(OPERATOR, key, form("Caller asked about a job offer in Italy"));

    assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(400);
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(calls() - before).isEqualTo(1);
  }

  @Test
  void keysAreEachOperatorsOwn() throws Exception {
    String key = key();
    long before = calls();

    Response mine = call(OPERATOR, key, form("Caller asked about a job offer in Italy"));
    Response theirs = call(OTHER_OPERATOR, key, form("Caller asked about a job offer in Italy"));

    assertThat(id(theirs)).isNotEqualTo(id(mine));
    assertThat(calls() - before).isEqualTo(2);
  }

  @Test
  void aMalformedKeyIsRefusedNamingTheHeaderAndChangesNothing() {
    long before = calls();

    Response refused = call(OPERATOR, "has spaces and \"quotes\"", form("Caller asked about a job offer in Italy"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"Idempotency-Key\"");
    assertThat(calls()).isEqualTo(before);
  }

  // ---

  private Response call(String operator, String key, String body) {
    return http.post(SUBMIT, basic(operator, PASSWORD), body, Map.of(HotlineCallIdempotency.HEADER, key));
  }

  @SuppressWarnings("unchecked")
  private String form(String summary) {
    RecordHotlineCallForm call = new RecordHotlineCallForm("ro", "other", "working-abroad", "moldova", false, false, false, summary);
    return PlatformHttp.formSubmission(json.convertValue(call, Map.class));
  }

  private String id(Response response) throws Exception {
    return json.readTree(response.body()).get("id").asText();
  }

  private long calls() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY).count();
  }

  private static String key() {
    return "call-" + UUID.randomUUID();
  }
}
