package md.nrs.referral.justice;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.justice.CriminalJusticeProcess.Elements;
import md.nrs.referral.testing.DeliveryJobs;
import md.nrs.referral.testing.IdentifiedCases;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The police's side over real HTTP: the referral reaches a real HTTP server on 127.0.0.1 standing in for the CCTP's
 * system (signed webhook, case code only), the CCTP answers with a signed callback (a wrong answer is a 400 naming
 * the field and changes nothing), and when the person withdraws the consent on the case view the CCTP hears it
 * once, signed, and nothing after. Run on H2 ({@link CriminalJusticeOverHttpOnH2Test}) and PostgreSQL
 * ({@link CriminalJusticeOverHttpOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the instance first, so a fresh PostgreSQL database exists before the context
abstract class CriminalJusticeOverHttpContract {

  private static final String SECRET = "cctp-shared-secret-2026";
  private static final String PASSWORD = "Test#Justice-2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired CaseCodes caseCodes;
  @LocalServerPort int port;

  private HttpServer cctp;
  private final List<String[]> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void theCctpHasAWebhookOnThisMachine() throws Exception {
    cctp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cctp.createContext("/nrs/referrals", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-NRS-Timestamp"),
          exchange.getRequestHeaders().getFirst("X-NRS-Signature")});
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    cctp.start();
    var current = directory.find("cctp").orElseThrow();
    directory.update("cctp", new AgencyRequest(null, current.name(), current.kind(), current.services(), current.regions(),
        current.shelterPlaces(), "webhook", "http://127.0.0.1:" + cctp.getAddress().getPort() + "/nrs/referrals", SECRET,
        null, null, true, current.version(), current.district(), current.language(), current.notifyMode(), current.country(),
        current.consentPurpose()));
    TestUsers.ensure(engine, "cctp.callback", PASSWORD, "cctp");
    TestUsers.ensure(engine, "mdt.justice", PASSWORD, "mdt-chisinau", "caseworkers");
  }

  @AfterEach
  void stopTheCctp() {
    cctp.stop(0);
  }

  @Test
  void theReferralReachesTheCctpSignedItsSignedAnswerIsAppliedAndAWithdrawalIsToldOnce() throws Exception {
    String caseCode = aCaseWithConsentToInformTheCctp();
    ProcessInstance justice = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CriminalJusticeProcess.KEY).processInstanceBusinessKey(caseCode).singleResult();

    JsonNode referral = deliveredToTheCctp(caseCode, Elements.POLICE_ANSWER);
    assertThat(referral.get("caseCode").asText()).isEqualTo(caseCode);

    HttpResponse<String> incomplete = callback(referral, "{\"criminalCaseOpened\":true}");
    assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(400);
    assertThat(incomplete.body()).contains("values.criminalCaseNumber");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(justice.getId())
        .taskDefinitionKey(Elements.POLICE_ANSWER).count()).isEqualTo(1);

    HttpResponse<String> answer = callback(referral, "{\"criminalCaseOpened\":true,\"criminalCaseNumber\":\"2026/0417-CCTP\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(justice.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(Elements.SUPPORT_PROCEEDINGS);

    Response withdrawn = new PlatformHttp(port).post("/api/cases/" + caseCode + "/consents", basic("mdt.justice", PASSWORD),
        "{\"purpose\": \"law-enforcement\", \"given\": false}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);

    JsonNode told = deliveredToTheCctp(caseCode, Elements.TELL_POLICE_CONSENT_WITHDRAWN);
    assertThat(told.get("caseCode").asText()).isEqualTo(caseCode);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(justice.getId())
        .activityId(Elements.SHARING_STOPPED).finished().count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(justice.getId()).count()).isZero();
    assertThat(received).filteredOn(r -> r[0].contains(caseCode)).hasSize(2);
  }

  /** Runs the CCTP's pending deliveries; the one for this step arrived signed with the CCTP's secret. */
  private JsonNode deliveredToTheCctp(String caseCode, String step) throws Exception {
    DeliveryJobs.of(engine, "cctp").forEach(job -> engine.getManagementService().executeJob(job.getId()));
    for (String[] delivery : received) {
      JsonNode notification = JSON.readTree(delivery[0]);
      if (delivery[0].contains(caseCode) && step.equals(notification.get("step").asText())) {
        assertThat(delivery[2]).isEqualTo("sha256=" + WebhookSender.sign(SECRET, delivery[1] + "." + delivery[0]));
        return notification;
      }
    }
    throw new AssertionError("Nothing for " + step + " of " + caseCode + " reached the CCTP: " + received.size() + " deliveries");
  }

  private String aCaseWithConsentToInformTheCctp() {
    return IdentifiedCases.withConsent(engine, caseCodes, InformedConsent.given("cctp").informingLawEnforcement().policeNow());
  }

  private HttpResponse<String> callback(JsonNode referral, String values) throws Exception {
    String body = "{\"notificationKey\":\"" + referral.get("notificationKey").asText() + "\",\"step\":\""
        + Elements.POLICE_ANSWER + "\",\"values\":" + values + "}";
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/callbacks/cctp"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("cctp.callback:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .header("X-NRS-Timestamp", String.valueOf(timestamp))
        .header("X-NRS-Signature", "sha256=" + WebhookSender.sign(SECRET, timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
