package md.nrs.referral.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import md.nrs.referral.agencies.delivery.DeliveryRetrySchedule;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.testing.DeliveryJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery's retry schedule is a setting (the model reads {@code ${deliveryRetrySchedule.cycle}}): set to two
 * short intervals, a delivery to an agency that is down is tried three times, seconds apart, and then stands as an
 * incident. The default (1, 5, 15 minutes, 1 and 4 hours) is {@link WebhookDeliveryTest}'s; a bad value stops the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-delivery-retry-schedule;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false", "nrs.delivery.retry-schedule=PT2S, PT7S"})
class DeliveryRetryScheduleTest {

  @Autowired ProcessEngine engine;
  @Autowired AgencyNotifications notifications;
  @Autowired AgencyDirectory directory;
  @Autowired CaseCodes caseCodes;
  @Autowired TransactionTemplate transaction;

  @Test
  void aShortScheduleBringsAnAgencyThatIsDownToAnIncidentAfterItsLastInterval() throws IOException {
    String agency = "down-agency-" + Long.toString(System.nanoTime(), 36);
    directory.create(new AgencyRequest(agency, "Agency whose server is down", "agency", List.of("legal"), List.of("chisinau"),
        null, "webhook", "http://127.0.0.1:" + closedPort() + "/nrs/hook", "a-webhook-secret-of-the-agency", null, null, null, null));
    String code = caseCodes.next();
    transaction.execute(s -> notifications.notify(new AgencyNotification(agency, code, "UserTask_AnswerReferral",
        "Accept or reject a referral", null, null)));

    assertThatThrownBy(() -> DeliveryJobs.runTheOne(engine, agency)).hasMessageContaining("unreachable");
    Job retry = DeliveryJobs.of(engine, agency).get(0);
    assertThat(retry.getRetries()).as("two retries left after the first failure").isEqualTo(2);
    assertThat(retry.getDuedate()).isBetween(new Date(), Date.from(new Date().toInstant().plus(Duration.ofSeconds(3))));
    assertThatThrownBy(() -> DeliveryJobs.runTheOne(engine, agency)).hasMessageContaining("unreachable");
    assertThat(DeliveryJobs.of(engine, agency).get(0).getDuedate()).as("the second interval")
        .isAfter(Date.from(new Date().toInstant().plus(Duration.ofSeconds(5))));
    assertThatThrownBy(() -> DeliveryJobs.runTheOne(engine, agency)).hasMessageContaining("unreachable");

    Job exhausted = DeliveryJobs.of(engine, agency).get(0);
    assertThat(exhausted.getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId()).count())
        .as("an incident in Cockpit").isEqualTo(1);
  }

  @Test
  void aScheduleThatIsNotAListOfPositiveDurationsStopsTheStartNamingTheSetting() {
    for (String bad : new String[] {"", "PT1M,soon", "PT0S", "-PT1M"}) {
      assertThatThrownBy(() -> new DeliveryRetrySchedule(bad)).as(bad).hasMessageContaining("nrs.delivery.retry-schedule");
    }
    assertThat(new DeliveryRetrySchedule(" PT1S, PT2S ").getCycle()).isEqualTo("PT1S,PT2S");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort(); // closed again: connection refused
    }
  }
}
