package md.nrs.referral.agencies;

import md.nrs.referral.agencies.delivery.DeliverNotification;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.List;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-outbox;DB_CLOSE_DELAY=-1")
class OutboxTest {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired AgencyNotifications notifications;
  @Autowired OutboxRepository outbox;
  @Autowired TransactionTemplate transaction;
  @Autowired CaseCodes caseCodes;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @BeforeEach
  void staff() {
    TestUsers.ensure(engine, "ob.iom", PASSWORD, "iom", "caseworkers");
    TestUsers.ensure(engine, "ob.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "ob.coordinator", PASSWORD, "nrs-coordinators");
  }

  @Test
  void aNotificationIsWrittenInTheCallersTransaction() {
    String code = caseCodes.next();

    String key = transaction.execute(status -> notifications.notify(
        new AgencyNotification("iom", code, "UserTask_TravelDocuments", "Obtain travel documents", Instant.now(), null)));

    assertThat(outbox.findByCaseCodeOrderByIdAsc(code)).singleElement()
        .satisfies(e -> assertThat(e.getNotificationKey()).isEqualTo(key))
        .satisfies(e -> assertThat(e.getAgencyId()).isEqualTo("iom"))
        // IOM works in Tasklist (no channel): written settled, not sent and why
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OutboxEntry.Status.NOT_SENT))
        .satisfies(e -> assertThat(e.getLastError()).isEqualTo(DeliverNotification.NO_CHANNEL));
  }

  @Test
  void aNotificationVanishesWithTheTransactionThatRolledBack() {
    String code = caseCodes.next();

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      notifications.notify(new AgencyNotification("iom", code, "UserTask_TravelDocuments", "Obtain documents", null, null));
      throw new IllegalStateException("the engine step failed after notifying");
    })).hasMessageContaining("the engine step failed");

    assertThat(outbox.findByCaseCodeOrderByIdAsc(code)).isEmpty();
  }

  @Test
  void aNotificationOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> notifications.notify(
        new AgencyNotification("iom", caseCodes.next(), "UserTask_X", "Something", null, null)))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aNotificationWithAMalformedCaseCodeOrNoRequestIsRefused() {
    assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
        notifications.notify(new AgencyNotification("iom", "Ion Popescu", "UserTask_X", " ", null, null))))
        .isInstanceOf(ConstraintViolationException.class)
        .hasMessageContaining("caseCode")
        .hasMessageContaining("request")
        .hasMessageNotContaining("Ion Popescu");
  }

  @Test
  void anAgencyReadsItsOwnOutboxButNotAnothers() {
    String code = caseCodes.next();
    transaction.executeWithoutResult(status -> {
      notifications.notify(new AgencyNotification("iom", code, "UserTask_TravelDocuments", "Obtain documents", null, null));
      notifications.notify(new AgencyNotification("la-strada", code, "UserTask_Counselling", "Counselling", null, null));
    });
    PlatformHttp http = new PlatformHttp(port);

    var own = http.get("/api/agencies/iom/outbox", basic("ob.iom", PASSWORD));
    var others = http.get("/api/agencies/la-strada/outbox", basic("ob.iom", PASSWORD));
    var coordinator = http.get("/api/agencies/la-strada/outbox?size=10", basic("ob.coordinator", PASSWORD));
    var anonymous = http.get("/api/agencies/iom/outbox", null);

    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains(code, "UserTask_TravelDocuments").doesNotContain("UserTask_Counselling");
    assertThat(others.status()).isEqualTo(403);
    assertThat(coordinator.status()).isEqualTo(200);
    assertThat(coordinator.body()).contains("UserTask_Counselling");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(own.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void caseCodesFollowTheFormatAndNeverRepeat() {
    List<String> codes = java.util.stream.IntStream.range(0, 50).mapToObj(i -> caseCodes.next()).toList();

    assertThat(codes).allMatch(c -> CaseCodes.FORMAT.matcher(c).matches()).doesNotHaveDuplicates();
    assertThat(codes.get(0)).startsWith("NRS-" + java.time.Year.now(java.time.ZoneId.of("Europe/Chisinau")) + "-");
  }
}
