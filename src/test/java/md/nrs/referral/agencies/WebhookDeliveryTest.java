package md.nrs.referral.agencies;

import md.nrs.referral.agencies.delivery.DailyDigests;
import md.nrs.referral.agencies.delivery.DeliverNotification;
import md.nrs.referral.agencies.delivery.OutboxAgencyNotifications;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.agencies.directory.AgencyView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.testing.DeliveryJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivering the outbox to an agency's webhook, against a real HTTP server on 127.0.0.1: signed and
 * idempotent; a 500 is retried; a server too slow for the client's timeout and a dead one fail each
 * attempt; after the last retry an incident stands (Cockpit shows it) and, once the agency's server is
 * back, retrying the incident delivers once. The delivery jobs are run by hand (no job executor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-webhook-delivery;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false", "nrs.webhook.timeout=PT1S"})
class WebhookDeliveryTest {

  private static final String SECRET = "a-webhook-secret-of-the-agency";

  @Autowired ProcessEngine engine;
  @Autowired AgencyNotifications notifications;
  @Autowired OutboxRepository outbox;
  @Autowired AgencyDirectory directory;
  @Autowired DailyDigests digests;
  @Autowired CaseCodes caseCodes;
  @Autowired TransactionTemplate transaction;

  private HttpServer agencyServer;
  private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private String agencyId;

  record Received(String body, String signature, String timestamp, String idempotencyKey) {
  }

  @BeforeEach
  void anAgencyWithAWebhook() throws IOException {
    agencyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    agencyServer.createContext("/nrs/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Integer status = answers.poll();
      if (status != null && status == 0) {
        sleep(2500); // slower than the platform's 1 s timeout
        status = 200;
      }
      received.add(new Received(new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-NRS-Signature"),
          exchange.getRequestHeaders().getFirst("X-NRS-Timestamp"), exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      exchange.sendResponseHeaders(status == null ? 200 : status, -1);
      exchange.close();
    });
    agencyServer.start();
    agencyId = "hook-agency-" + Long.toString(System.nanoTime(), 36);
    directory.create(new AgencyRequest(agencyId, "Agency with a webhook", "agency", List.of("legal"), List.of("chisinau"),
        null, "webhook", "http://127.0.0.1:" + agencyServer.getAddress().getPort() + "/nrs/hook", SECRET, null, null, null, null));
  }

  @AfterEach
  void stopServer() {
    agencyServer.stop(0);
  }

  @Test
  void aNotificationIsDeliveredSignedWithItsIdempotencyKey() {
    String key = notifyAgency();

    deliverOnce();

    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r.idempotencyKey()).isEqualTo(key);
      assertThat(r.signature()).isEqualTo("sha256=" + WebhookSender.sign(SECRET, r.timestamp() + "." + r.body()));
      assertThat(r.body()).contains(key, "\"step\":\"UserTask_AnswerReferral\"", "\"agencyId\":\"" + agencyId + "\"");
    });
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(entry(key).getAttempts()).isEqualTo(1);
    assertThat(deliveryJobs()).isEmpty();
  }

  @Test
  void aServerErrorIsRetriedAndTheSecondAttemptDelivers() {
    answers.add(500);
    String key = notifyAgency();

    assertThatThrownBy(this::deliverOnce).hasMessageContaining("HTTP 500");
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(entry(key).getLastError()).isEqualTo("HTTP 500");
    Job retry = deliveryJobs().get(0);
    // PT1M,PT5M,PT15M,PT1H,PT4H in the model: five retries after the first attempt
    assertThat(retry.getRetries()).as("retries left after the first failure").isEqualTo(5);
    assertThat(retry.getDuedate()).as("retried later, not at once").isAfter(new java.util.Date());

    deliverOnce();

    assertThat(received).hasSize(2).extracting(Received::idempotencyKey).containsOnly(key);
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(entry(key).getAttempts()).isEqualTo(2);
  }

  @Test
  void aServerSlowerThanTheTimeoutFailsTheAttempt() {
    answers.add(0);
    String key = notifyAgency();

    assertThatThrownBy(this::deliverOnce).hasMessageContaining("timeout");
    assertThat(entry(key).getLastError()).isEqualTo("timeout");
  }

  @Test
  void aDeadServerBecomesAnIncidentAndARetryAfterRecoveryDeliversOnce() {
    String key = notifyAgency();
    int port = agencyServer.getAddress().getPort();
    agencyServer.stop(0);

    for (int attempt = 1; attempt <= 6; attempt++) { // the first attempt and five retries
      assertThatThrownBy(this::deliverOnce).hasMessageContaining("unreachable");
    }
    Job exhausted = deliveryJobs().get(0);
    assertThat(exhausted.getRetries()).isZero();
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(exhausted.getProcessInstanceId()).singleResult();
    assertThat(incident).as("an incident a manager sees in Cockpit").isNotNull();
    assertThat(incident.getIncidentMessage()).contains("unreachable");
    assertThat(entry(key).getAttempts()).isEqualTo(6);

    restartServerOn(port);
    engine.getManagementService().setJobRetries(exhausted.getId(), 1); // what Cockpit's "retry" does
    deliverOnce();

    assertThat(received).singleElement().satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(key));
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void anAgencyWithoutAChannelGetsNoDeliveryProcessAndItsOutboxRowSaysWhyItWasNotSent() {
    String code = caseCodes.next();
    String key = transaction.execute(s -> notifications.notify(new AgencyNotification("la-strada", code,
        "UserTask_AnswerReferral", "Accept or reject a referral", null, null)));

    assertThat(deliveryProcesses(code)).as("a delivery process for an agency that works in Tasklist").isZero();
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.NOT_SENT);
    assertThat(entry(key).getLastError()).isEqualTo(DeliverNotification.NO_CHANNEL);
    assertThat(entry(key).getChannel()).isEqualTo("none");
    assertThat(received).isEmpty();
  }

  @Test
  void anAgencyToldOnceADayHasItsNoticeQueuedWithoutADeliveryProcessAndGetsItInTheNextDigest() {
    AgencyView agency = directory.find(agencyId).orElseThrow();
    directory.update(agencyId, new AgencyRequest(agencyId, agency.name(), agency.kind(), agency.services(), agency.regions(),
        null, "webhook", agency.webhookUrl(), SECRET, null, null, true, agency.version(), null, null, "daily-digest", null, null));
    String code = caseCodes.next();
    String key = transaction.execute(s -> notifications.notify(new AgencyNotification(agencyId, code,
        "UserTask_AnswerReferral", "Accept or reject a referral", null, null)));

    assertThat(deliveryProcesses(code)).as("a delivery process for a notice that waits for the digest").isZero();
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.QUEUED);

    digests.sendAll();

    assertThat(received).singleElement().satisfies(r -> assertThat(r.body()).contains(key));
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(entry(key).getChannel()).isEqualTo("webhook-digest");
  }

  @Test
  void aNewVersionOfTheDeliveryModelDeliversTheNotificationsWrittenAfterItIsDeployed() throws IOException {
    String before = definitionOf(notifyAgency());
    int version = engine.getRepositoryService().getProcessDefinition(before).getVersion();
    assertThat(definitionOf(notifyAgency())).as("the same version while none is deployed").isEqualTo(before);

    try (var model = getClass().getResourceAsStream("/processes/agency-notification.bpmn")) {
      engine.getRepositoryService().createDeployment().name("agency-notification revision")
          .addInputStream("processes/agency-notification.bpmn", model).deploy();
    }
    String key = notifyAgency();

    String after = definitionOf(key);
    assertThat(engine.getRepositoryService().getProcessDefinition(after).getVersion()).isEqualTo(version + 1);
    deliveryJobs().stream().filter(job -> job.getProcessDefinitionId().equals(after))
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
  }

  // ---

  private String notifyAgency() {
    String code = caseCodes.next();
    return transaction.execute(s -> notifications.notify(new AgencyNotification(agencyId, code,
        "UserTask_AnswerReferral", "Accept or reject a referral for legal assistance", null, null)));
  }

  private long deliveryProcesses(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboxAgencyNotifications.DELIVERY_PROCESS).processInstanceBusinessKey(code).count();
  }

  /** The definition of the process delivering this notification. */
  private String definitionOf(String key) {
    String instance = engine.getRuntimeService().createVariableInstanceQuery()
        .variableValueEquals(AgencyNotificationProcess.NOTIFICATION_KEY.name(), key).singleResult().getProcessInstanceId();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
  }

  private List<Job> deliveryJobs() {
    return DeliveryJobs.of(engine, agencyId);
  }

  private void deliverOnce() {
    DeliveryJobs.runTheOne(engine, agencyId);
  }

  private OutboxEntry entry(String key) {
    return outbox.findByNotificationKey(key).orElseThrow();
  }

  private void restartServerOn(int port) {
    try {
      HttpServer revived = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      revived.createContext("/nrs/hook", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-NRS-Signature"),
            exchange.getRequestHeaders().getFirst("X-NRS-Timestamp"), exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      revived.start();
      agencyServer = revived;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis); // the stand-in agency is slow on purpose; the test itself never waits on a clock
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
