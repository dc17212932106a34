package md.nrs.referral.crossborder;

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
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.crossborder.OutboundReferralProcess.Elements;
import md.nrs.referral.testing.DeliveryJobs;
import md.nrs.referral.testing.IdentifiedCases;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole outbound referral over real HTTP: a La Strada caseworker asks over the engine's REST API, the
 * request is delivered to a real HTTP server on 127.0.0.1 standing in for Veritas's system (signed
 * webhook), and Veritas answers with a signed callback, which completes its step and ends the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-referral-intake;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class OutboundReferralOverHttpTest {

  private static final String SECRET = "veritas-shared-secret-2026";
  private static final String PASSWORD = "Test#Outbound-2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired OutboxRepository outbox;
  @Autowired CaseCodes caseCodes;
  @LocalServerPort int port;

  private HttpServer veritas;
  private final List<String[]> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void veritasHasAWebhookOnThisMachine() throws Exception {
    veritas = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    veritas.createContext("/nrs/requests", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-NRS-Timestamp"),
          exchange.getRequestHeaders().getFirst("X-NRS-Signature")});
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    veritas.start();
    var current = directory.find("veritas").orElseThrow();
    directory.update("veritas", new AgencyRequest(null, current.name(), current.kind(), current.services(), current.regions(),
        current.shelterPlaces(), "webhook", "http://127.0.0.1:" + veritas.getAddress().getPort() + "/nrs/requests", SECRET,
        null, null, true, current.version(), current.district(), current.language(), current.notifyMode(), current.country(), current.consentPurpose()));
    TestUsers.ensure(engine, "outbound.caseworker", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "veritas.callback", PASSWORD, "veritas");
  }

  @AfterEach
  void stopVeritas() {
    veritas.stop(0);
  }

  @Test
  void aRequestReachesVeritasSignedAndVeritassSignedAnswerEndsIt() throws Exception {
    String caseCode = aCaseWithConsentToShareWithVeritas();
    PlatformHttp http = new PlatformHttp(port);

    Response started = http.post("/engine-rest/process-definition/key/" + OutboundReferralProcess.KEY + "/submit-form",
        basic("outbound.caseworker", PASSWORD), """
            {"variables": {"caseCode": {"value": "%s"}, "partnerAgency": {"value": "veritas"},
             "assistanceNeeded": {"value": "[\\"shelter\\", \\"return-support\\"]", "type": "Json"},
             "requestNote": {"value": "Wants to come home before winter"}}}""".formatted(caseCode));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    ProcessInstance request = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).processInstanceBusinessKey(caseCode).singleResult();
    assertThat(request).isNotNull();

    DeliveryJobs.of(engine, "veritas").forEach(job -> engine.getManagementService().executeJob(job.getId()));

    String[] delivered = received.stream().filter(r -> r[0].contains(caseCode)).findFirst().orElseThrow();
    assertThat(delivered[2]).isEqualTo("sha256=" + WebhookSender.sign(SECRET, delivered[1] + "." + delivered[0]));
    JsonNode notification = JSON.readTree(delivered[0]);
    assertThat(notification.get("step").asText()).isEqualTo(Elements.PARTNER_ANSWER);
    assertThat(delivered[0]).contains("shelter", "return-support").doesNotContain("winter");

    HttpResponse<String> answer = callback("{\"notificationKey\":\"" + notification.get("notificationKey").asText()
        + "\",\"step\":\"" + Elements.PARTNER_ANSWER + "\",\"values\":{\"partnerAnswer\":\"accept\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    DeliveryJobs.of(engine, "veritas").forEach(job -> engine.getManagementService().executeJob(job.getId()));
    JsonNode outcomeStep = JSON.readTree(webhookFor(caseCode, Elements.RECORD_PARTNER_OUTCOME)[0]);

    HttpResponse<String> outcome = callback("{\"notificationKey\":\"" + outcomeStep.get("notificationKey").asText()
        + "\",\"step\":\"" + Elements.RECORD_PARTNER_OUTCOME + "\",\"values\":{\"partnerOutcome\":\"return-organised\"}}");

    assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(200);
    var ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request.getId()).singleResult();
    assertThat(ended.getEndActivityId()).isEqualTo(Elements.OUTCOME_RECORDED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName(OutboundReferralProcess.OUTCOME.name()).singleResult().getValue()).isEqualTo("return-organised");
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).filteredOn(e -> request.getId().equals(e.getProcessInstanceId()))
        .extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep).contains(
            org.assertj.core.api.Assertions.tuple("veritas", Elements.PARTNER_ANSWER),
            org.assertj.core.api.Assertions.tuple("veritas", Elements.RECORD_PARTNER_OUTCOME),
            org.assertj.core.api.Assertions.tuple("la-strada", Elements.TELL_RESPONSIBLE_TEAM_OUTCOME));
  }

  @Test
  void anUnsignedOutcomeIsRefusedAndChangesNothing() throws Exception {
    String caseCode = aCaseWithConsentToShareWithVeritas();
    String request = requestOverRest(caseCode);
    DeliveryJobs.of(engine, "veritas").forEach(job -> engine.getManagementService().executeJob(job.getId()));
    JsonNode asked = JSON.readTree(webhookFor(caseCode, Elements.PARTNER_ANSWER)[0]);
    String body = "{\"notificationKey\":\"" + asked.get("notificationKey").asText() + "\",\"step\":\""
        + Elements.PARTNER_ANSWER + "\",\"values\":{\"partnerAnswer\":\"accept\"}}";

    HttpResponse<String> forged = callback(body, "a-secret-veritas-never-had-2026");

    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request)
        .activityIdIn(Elements.PARTNER_ANSWER).count()).isEqualTo(1);
  }

  @Test
  void aPartnerWithoutTheConsentToInformAPartnerAbroadGetsNothing() throws Exception {
    String caseCode = aCaseSharedWithVeritasButNotAbroad();

    String request = requestOverRest(caseCode);
    DeliveryJobs.of(engine, "veritas").forEach(job -> engine.getManagementService().executeJob(job.getId()));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request)
        .singleResult().getEndActivityId()).isEqualTo(Elements.NOT_SENT_WITHOUT_CONSENT);
    assertThat(received).noneMatch(r -> r[0].contains(caseCode));
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).extracting(OutboxEntry::getAgencyId).doesNotContain("veritas");
  }

  private String requestOverRest(String caseCode) {
    Response started = new PlatformHttp(port).post("/engine-rest/process-definition/key/" + OutboundReferralProcess.KEY
        + "/submit-form", basic("outbound.caseworker", PASSWORD), """
            {"variables": {"caseCode": {"value": "%s"}, "partnerAgency": {"value": "veritas"},
             "assistanceNeeded": {"value": "[\\"shelter\\"]", "type": "Json"}}}""".formatted(caseCode));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(OutboundReferralProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult().getId();
  }

  private String[] webhookFor(String caseCode, String step) {
    return received.stream().filter(r -> r[0].contains(caseCode) && r[0].contains("\"step\":\"" + step + "\""))
        .findFirst().orElseThrow(() -> new AssertionError("no webhook for " + step + " of " + caseCode));
  }

  private String aCaseSharedWithVeritasButNotAbroad() {
    return IdentifiedCases.withConsent(engine, caseCodes, InformedConsent.given("veritas", "la-strada"));
  }

  private String aCaseWithConsentToShareWithVeritas() {
    return IdentifiedCases.withConsent(engine, caseCodes, InformedConsent.given("veritas", "la-strada").informingPartnerAbroad());
  }

  private HttpResponse<String> callback(String body) throws Exception {
    return callback(body, SECRET);
  }

  private HttpResponse<String> callback(String body, String secret) throws Exception {
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/callbacks/veritas"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("veritas.callback:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .header("X-NRS-Timestamp", String.valueOf(timestamp))
        .header("X-NRS-Signature", "sha256=" + WebhookSender.sign(secret, timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
