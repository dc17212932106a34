package md.nrs.referral.agencies;

import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.AgencyRequest;
import static md.nrs.referral.assistance.AssistanceServiceProcess.CASE_CODE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.MINOR;
import static md.nrs.referral.assistance.AssistanceServiceProcess.REGION;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_TYPE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SEX;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A provider agency's system answers a referral by a signed callback over real HTTP instead of
 * Tasklist: the waiting step completes once; a repeated callback changes nothing; a wrong signature is
 * 401, an unknown notification 404, a malformed answer 400 naming each field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-provider-callbacks;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderCallbackTest {

  private static final String SECRET = "la-strada-shared-secret-2026";
  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired OutboxRepository outbox;
  @Autowired CaseCodes caseCodes;
  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();
  private String instance;
  private String notificationKey;

  @BeforeAll
  void laStradaHasASharedSecretAndASystemUser() {
    var current = directory.find("la-strada").orElseThrow();
    directory.update("la-strada", new AgencyRequest(null, current.name(), current.kind(), current.services(), current.regions(),
        current.shelterPlaces(), "webhook", "http://127.0.0.1:9/never-called", SECRET, null, null, true, current.version(),
        current.district(), current.language(), current.notifyMode(), current.country(), current.consentPurpose()));
    TestUsers.ensure(engine, "cb.lastrada", PASSWORD, "la-strada");
    TestUsers.ensure(engine, "cb.cap", PASSWORD, "cap-chisinau");
  }

  @BeforeEach
  void aLegalServiceReferredToLaStrada() {
    String code = caseCodes.next();
    instance = PlatformStarts.withBusinessKey(code, () -> engine.getRuntimeService().startProcessInstanceByKey(
        AssistanceServiceProcess.KEY, code, Map.<String, Object>of(
        CASE_CODE.name(), code, SERVICE_TYPE.name(), "legal", REGION.name(), "moldova", MINOR.name(), false, SEX.name(), "female"))).getId();
    notificationKey = outbox.findByCaseCodeOrderByIdAsc(code).stream().filter(e -> e.getAgencyId().equals("la-strada"))
        .findFirst().orElseThrow().getNotificationKey();
  }

  @Test
  void aSignedAcceptanceCompletesTheWaitingStepOnceEvenWhenRepeated() {
    String body = answer(notificationKey, "{\"providerAnswer\":\"accept\"}");
    String idempotencyKey = UUID.randomUUID().toString();

    HttpResponse<String> first = callback("la-strada", "cb.lastrada", body, SECRET, idempotencyKey, now());
    HttpResponse<String> again = callback("la-strada", "cb.lastrada", body, SECRET, idempotencyKey, now());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("applied");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("already-applied");
    assertThat(waitingSteps()).containsExactly(AssistanceServiceProcess.Elements.REPORT_OUTCOME);
  }

  @Test
  void aSecondCallbackForAnAnsweredStepIsAConflictAndChangesNothing() {
    callback("la-strada", "cb.lastrada", answer(notificationKey, "{\"providerAnswer\":\"accept\"}"), SECRET, UUID.randomUUID().toString(), now());

    HttpResponse<String> late = callback("la-strada", "cb.lastrada",
        answer(notificationKey, "{\"providerAnswer\":\"reject\",\"rejectionReason\":\"Too late\"}"), SECRET, UUID.randomUUID().toString(), now());

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(waitingSteps()).containsExactly(AssistanceServiceProcess.Elements.REPORT_OUTCOME);
  }

  @Test
  void aWrongOrStaleSignatureIs401AndTheStepStaysOpen() {
    String body = answer(notificationKey, "{\"providerAnswer\":\"accept\"}");

    HttpResponse<String> wrongSecret = callback("la-strada", "cb.lastrada", body, "not-the-shared-secret-at-all", UUID.randomUUID().toString(), now());
    HttpResponse<String> stale = callback("la-strada", "cb.lastrada", body, SECRET, UUID.randomUUID().toString(),
        now() - 3600);

    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(waitingSteps()).containsExactly(AssistanceServiceProcess.Elements.ANSWER_REFERRAL);
  }

  @Test
  void aCallbackForAnUnknownNotificationIs404() {
    HttpResponse<String> unknown = callback("la-strada", "cb.lastrada",
        answer(UUID.randomUUID().toString(), "{\"providerAnswer\":\"accept\"}"), SECRET, UUID.randomUUID().toString(), now());

    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void aMalformedAnswerIs400NamingEachField() {
    HttpResponse<String> missing = callback("la-strada", "cb.lastrada", "{\"step\":\"UserTask_AnswerReferral\"}", SECRET,
        UUID.randomUUID().toString(), now());
    HttpResponse<String> wrong = callback("la-strada", "cb.lastrada",
        answer(notificationKey, "{\"providerAnswer\":\"reject\",\"victimName\":\"Ion\"}"), SECRET, UUID.randomUUID().toString(), now());
    HttpResponse<String> notJson = callback("la-strada", "cb.lastrada", "{answer", SECRET, UUID.randomUUID().toString(), now());

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("notificationKey", "values");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("values.rejectionReason", "values.victimName").doesNotContain("Ion\"");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(waitingSteps()).containsExactly(AssistanceServiceProcess.Elements.ANSWER_REFERRAL);
  }

  @Test
  void anotherAgencysUserCannotCallBackForLaStrada() {
    HttpResponse<String> response = callback("la-strada", "cb.cap", answer(notificationKey, "{\"providerAnswer\":\"accept\"}"),
        SECRET, UUID.randomUUID().toString(), now());

    assertThat(response.statusCode()).isEqualTo(403);
  }

  // ---

  private static String answer(String notificationKey, String values) {
    return "{\"notificationKey\":\"" + notificationKey + "\",\"step\":\"" + AssistanceServiceProcess.Elements.ANSWER_REFERRAL
        + "\",\"values\":" + values + "}";
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private List<String> waitingSteps() {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).list().stream()
        .map(t -> t.getTaskDefinitionKey()).toList();
  }

  private HttpResponse<String> callback(String agency, String user, String body, String secret, String idempotencyKey, long timestamp) {
    String token = java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes());
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/callbacks/" + agency))
        .header("Authorization", "Basic " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .header("X-NRS-Timestamp", String.valueOf(timestamp))
        .header("X-NRS-Signature", "sha256=" + WebhookSender.sign(secret, timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
