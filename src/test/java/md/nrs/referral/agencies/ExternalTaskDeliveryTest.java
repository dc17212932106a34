package md.nrs.referral.agencies;

import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import static md.nrs.referral.agencies.AgencyNotificationProcess.NOTIFICATION_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agency whose own system works through external tasks: Camunda's official Java client, logged in
 * as that agency, fetches the notification from the agency's topic over REST and completes it; the
 * outbox records it delivered. Another agency's client on the same topic gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-external-task-delivery;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=1000"})
class ExternalTaskDeliveryTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String AGENCY = "ngo-with-own-system";
  private static final String TOPIC = "ngo-with-own-system-notifications";

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired AgencyNotifications notifications;
  @Autowired OutboxRepository outbox;
  @Autowired CaseCodes caseCodes;
  @Autowired TransactionTemplate transaction;
  @LocalServerPort int port;

  @Test
  void theAgencysSystemFetchesItsNotificationAndNoOtherAgencyCan() throws Exception {
    directory.create(new AgencyRequest(AGENCY, "NGO with its own case system", "agency", List.of("legal"), List.of("north"),
        null, "external-task", null, null, null, TOPIC, null, null));
    TestUsers.ensure(engine, "ext.system", PASSWORD, AGENCY);
    TestUsers.ensure(engine, "ext.other", PASSWORD, "la-strada");
    String code = caseCodes.next();
    String key = transaction.execute(s -> notifications.notify(new AgencyNotification(AGENCY, code, "UserTask_AnswerReferral",
        "Accept or reject a referral for legal assistance", null, null)));
    waitUntil(() -> engine.getExternalTaskService().createExternalTaskQuery().topicName(TOPIC).count() == 1);

    List<String> seenByOther = new CopyOnWriteArrayList<>();
    ExternalTaskClient other = client("ext.other");
    other.subscribe(TOPIC).handler((task, service) -> seenByOther.add(task.getId())).open();
    Thread.sleep(3000); // a few long-polls by the other agency's worker
    other.stop();

    List<String> fetched = new CopyOnWriteArrayList<>();
    ExternalTaskClient own = client("ext.system");
    own.subscribe(TOPIC).handler((task, service) -> {
      fetched.add(task.getVariable(NOTIFICATION_KEY.name()));
      service.complete(task);
    }).open();
    waitUntil(() -> outbox.findByNotificationKey(key).orElseThrow().getStatus() == OutboxEntry.Status.DELIVERED);
    own.stop();

    assertThat(seenByOther).as("another agency's worker on the same topic").isEmpty();
    assertThat(fetched).containsExactly(key);
    OutboxEntry entry = outbox.findByNotificationKey(key).orElseThrow();
    assertThat(entry.getChannel()).isEqualTo("external-task");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(AGENCY)
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).count())
        .as("the agency's access to the delivery ends with it").isZero();
  }

  private ExternalTaskClient client(String user) {
    return ExternalTaskClient.create().baseUrl("http://127.0.0.1:" + port + "/engine-rest")
        .addInterceptor(new BasicAuthProvider(user, PASSWORD)).asyncResponseTimeout(1000).lockDuration(10_000)
        .workerId(user).build();
  }

  /** Waits for the running platform (job executor, client threads), bounded; fails when the bound passes. */
  private static void waitUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
