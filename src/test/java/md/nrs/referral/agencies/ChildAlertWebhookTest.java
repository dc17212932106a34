package md.nrs.referral.agencies;

import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole running platform, job executor and all: a child referred over REST is announced to the
 * guardianship authority's webhook (a real HTTP server on 127.0.0.1) well within the configured 30
 * minutes, signed with the authority's secret and carrying the notification's idempotency key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-child-alert-webhook;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=1000"})
class ChildAlertWebhookTest {

  private static final String SECRET = "guardianship-secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired OutboxRepository outbox;
  @LocalServerPort int port;

  private HttpServer authority;
  private final List<String[]> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void theGuardianshipAuthorityHasAWebhook() throws IOException {
    authority = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    authority.createContext("/alerts", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-NRS-Timestamp"),
          exchange.getRequestHeaders().getFirst("X-NRS-Signature"), exchange.getRequestHeaders().getFirst("Idempotency-Key")});
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    authority.start();
    var current = directory.find("guardianship-chisinau").orElseThrow();
    directory.update("guardianship-chisinau", new AgencyRequest(null, current.name(), current.kind(), current.services(),
        current.regions(), current.shelterPlaces(), "webhook", "http://127.0.0.1:" + authority.getAddress().getPort() + "/alerts",
        SECRET, null, null, true, current.version(), current.district(), current.language(), current.notifyMode(), current.country(), current.consentPurpose()));
    TestUsers.ensure(engine, "ca.hotline", "Test#Secret-2026", "la-strada", "caseworkers");
  }

  @AfterEach
  void stop() {
    authority.stop(0);
  }

  @Test
  void aChildsReferralReachesTheGuardianshipAuthoritysWebhookSignedAndInTime() throws Exception {
    Instant referred = Instant.now();
    var started = new PlatformHttp(port).post("/engine-rest/process-definition/key/nrs-case/submit-form",
        basic("ca.hotline", "Test#Secret-2026"), "{\"variables\":{\"channel\":{\"value\":\"hotline-la-strada\"},"
            + "\"location\":{\"value\":\"moldova\"},\"category\":{\"value\":\"trafficking\"},\"minor\":{\"value\":true,\"type\":\"Boolean\"},\"ageBand\":{\"value\":\"7-17\"},"
            + "\"sex\":{\"value\":\"female\"},\"immediateDanger\":{\"value\":false,\"type\":\"Boolean\"}}}");
    assertThat(started.status()).as(started.toString()).isEqualTo(200);

    long deadline = System.nanoTime() + 30_000_000_000L; // a bound for the test, not a claim about speed
    while (received.stream().noneMatch(r -> r[0].contains("ServiceTask_AlertGuardianshipAuthority"))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    // besides the alert, the guardianship authority's own task (child-protection.bpmn) is announced to it
    List<String[]> alerts = received.stream().filter(r -> r[0].contains("\"step\":\"ServiceTask_AlertGuardianshipAuthority\""))
        .toList();
    assertThat(alerts).as("alerts received by the guardianship authority").hasSize(1);
    String[] alert = alerts.get(0);
    assertThat(alert[2]).isEqualTo("sha256=" + WebhookSender.sign(SECRET, alert[1] + "." + alert[0]));
    assertThat(alert[0]).contains("\"agencyId\":\"guardianship-chisinau\"", "ServiceTask_AlertGuardianshipAuthority");
    OutboxEntry entry = outbox.findByNotificationKey(alert[3]).orElseThrow();
    assertThat(entry.getDueAt()).as("due 30 minutes after the referral").isBetween(referred.plusSeconds(29 * 60), Instant.now().plusSeconds(30 * 60));
    long waitForDeliveredStatus = System.nanoTime() + 10_000_000_000L;
    while (outbox.findByNotificationKey(alert[3]).orElseThrow().getStatus() != OutboxEntry.Status.DELIVERED
        && System.nanoTime() < waitForDeliveredStatus) {
      Thread.sleep(100);
    }
    OutboxEntry delivered = outbox.findByNotificationKey(alert[3]).orElseThrow();
    assertThat(delivered.getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(delivered.getDeliveredAt()).isBefore(delivered.getDueAt());
    System.out.println("Child alert delivered " + java.time.Duration.between(delivered.getCreatedAt(), delivered.getDeliveredAt()).toMillis()
        + " ms after it was written (limit: 30 min)");
  }
}
