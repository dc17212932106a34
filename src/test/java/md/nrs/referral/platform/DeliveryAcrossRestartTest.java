package md.nrs.referral.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.testing.PlatformNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;

/** A notification written just before the platform stops is delivered after it starts again, once. */
class DeliveryAcrossRestartTest {

  @Test
  void aNotificationWrittenBeforeARestartIsDeliveredAfterIt(@TempDir Path data) throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer agency = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    agency.createContext("/hook", exchange -> {
      received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    agency.start();
    try {
      String key;
      // the first run stops before any delivery job runs: its job executor is off
      try (PlatformNode before = PlatformNode.start("demo", Map.of("NRS_DATA_DIR", data.toString(),
          "camunda.bpm.job-execution.enabled", "false"))) {
        AgencyDirectory directory = before.bean(AgencyDirectory.class);
        directory.create(new AgencyRequest("restart-agency", "Agency reached by webhook", "agency", List.of("legal"),
            List.of("chisinau"), null, "webhook", "http://127.0.0.1:" + agency.getAddress().getPort() + "/hook",
            "restart-agency-secret-2026", null, null, null, null));
        key = before.bean(TransactionTemplate.class).execute(s -> before.bean(AgencyNotifications.class).notify(
            new AgencyNotification("restart-agency", "NRS-2026-000777", "UserTask_AnswerReferral", "Accept or reject", null, null)));
        assertThat(before.bean(OutboxRepository.class).findByNotificationKey(key).orElseThrow().getStatus())
            .isEqualTo(OutboxEntry.Status.PENDING);
      }
      assertThat(received).isEmpty();

      try (PlatformNode after = PlatformNode.start("demo", Map.of("NRS_DATA_DIR", data.toString(),
          "camunda.bpm.job-execution.wait-time-in-millis", "200"))) {
        OutboxRepository outbox = after.bean(OutboxRepository.class);
        long deadline = System.nanoTime() + 30_000_000_000L; // bound for the running job executor
        while (outbox.findByNotificationKey(key).orElseThrow().getStatus() != OutboxEntry.Status.DELIVERED) {
          assertThat(System.nanoTime()).as("delivered within 30 s of the restart").isLessThan(deadline);
          Thread.sleep(100);
        }
      }
      assertThat(received).containsExactly(key);
    } finally {
      agency.stop(0);
    }
  }
}
