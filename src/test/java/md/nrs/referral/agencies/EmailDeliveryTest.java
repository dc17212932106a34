package md.nrs.referral.agencies;

import md.nrs.referral.agencies.delivery.DeliveryFailed;
import md.nrs.referral.agencies.delivery.EmailSender;
import md.nrs.referral.agencies.delivery.NotificationTexts;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.Translations;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.testing.DeliveryJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivering the outbox to an agency's e-mail address, against a real SMTP server (GreenMail) on
 * 127.0.0.1: one plain-text message with the case code, what is asked, the due date and the
 * notification key, nothing else; an SMTP server that is down fails the attempt with a short reason
 * and is retried; without an SMTP server configured the delivery fails, the platform still starts.
 * The delivery jobs are run by hand (no job executor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-email-delivery;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false", "nrs.mail.from=nrs-test@platform.example"})
class EmailDeliveryTest {

  private static final int SMTP_PORT = freePort();
  private static final String ADDRESS = "intake@agency.example";

  @Autowired ProcessEngine engine;
  @Autowired AgencyNotifications notifications;
  @Autowired OutboxRepository outbox;
  @Autowired AgencyDirectory directory;
  @Autowired CaseCodes caseCodes;
  @Autowired TransactionTemplate transaction;
  @Autowired JavaMailSender mailSender;

  private GreenMail smtp;
  private String agencyId;

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeEach
  void anAgencyWithAnEmailAddress() {
    smtp = startSmtp();
    agencyId = "mail-agency-" + Long.toString(System.nanoTime(), 36);
    directory.create(new AgencyRequest(agencyId, "Agency reached by e-mail", "agency", List.of("legal"), List.of("chisinau"),
        null, "email", null, null, ADDRESS, null, null, null, null, "en", null, null, null));
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void aNotificationIsOnePlainTextMessageWithoutPersonalData() throws Exception {
    String code = caseCodes.next();
    String key = notifyAgency(code, Instant.parse("2026-12-01T08:00:00Z"));

    deliverOnce();

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(ADDRESS);
    assertThat(message.getFrom()).extracting(Object::toString).containsExactly("nrs-test@platform.example");
    assertThat(message.getSubject()).isEqualTo("NRS " + code + ": UserTask_AnswerReferral");
    assertThat(message.getHeader(EmailSender.NOTIFICATION_KEY_HEADER)).containsExactly(key);
    assertThat(message.getContentType()).startsWith("text/plain");
    // exactly the fields meant for the agency: nothing else can slip in
    assertThat(((String) message.getContent()).replace("\r\n", "\n").strip()).isEqualTo("""
        National Referral System: a step of a case needs your agency.

        Case: %s
        Step: UserTask_AnswerReferral
        Asked: Accept or reject a referral for legal assistance
        Due: 2026-12-01 10:00 (Europe/Chisinau)
        Reference: %s

        Open Tasklist or your agency's system for the details of the case.
        This message holds no personal data; do not reply with any.
        """.formatted(code, key).strip());

    OutboxEntry entry = entry(key);
    assertThat(entry.getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(entry.getChannel()).isEqualTo("email");
    assertThat(entry.getAttempts()).isEqualTo(1);
    assertThat(entry.getDeliveredAt()).isNotNull();
    assertThat(deliveryJobs()).isEmpty();
  }

  @Test
  void anSmtpServerThatIsDownFailsTheAttemptAndTheRetryDelivers() {
    String key = notifyAgency(caseCodes.next(), null);
    smtp.stop();

    assertThatThrownBy(this::deliverOnce).isInstanceOf(DeliveryFailed.class).hasMessage("smtp: connection refused");

    OutboxEntry failed = entry(key);
    assertThat(failed.getStatus()).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(failed.getChannel()).isEqualTo("email");
    assertThat(failed.getLastError()).isEqualTo("smtp: connection refused");
    assertThat(failed.getAttempts()).isEqualTo(1);
    Job retry = deliveryJobs().get(0);
    assertThat(retry.getRetries()).as("retries left after the first failure").isEqualTo(5);
    assertThat(retry.getExceptionMessage()).isEqualTo("smtp: connection refused");

    smtp = startSmtp();
    deliverOnce();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(entry(key).getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(entry(key).getAttempts()).isEqualTo(2);
    assertThat(entry(key).getLastError()).isNull();
  }

  @Test
  void theSmtpClientDoesNotWaitForeverOnAHungServer() {
    var properties = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();
    assertThat(properties).containsEntry("mail.smtp.connectiontimeout", "5000").containsEntry("mail.smtp.timeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "10000");
  }

  @Test
  void withoutAnSmtpServerConfiguredTheDeliveryFailsWithAReason() {
    // no spring.mail.host: Spring Boot creates no JavaMailSender (every other test context starts that way)
    var noMailSender = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    EmailSender sender = new EmailSender(noMailSender, "nrs@localhost", Duration.ofSeconds(1), Duration.ofSeconds(1),
        new NotificationTexts(new Translations(), Clock.system(ZoneId.of("Europe/Chisinau"))));
    OutboxEntry entry = OutboxEntry.pending(new AgencyNotification(agencyId, caseCodes.next(), "UserTask_AnswerReferral",
        "Accept or reject a referral", null, null), Instant.now());

    assertThatThrownBy(() -> sender.send(entry, ADDRESS, Language.EN)).isInstanceOf(DeliveryFailed.class)
        .hasMessage("no SMTP server configured");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  // ---

  private String notifyAgency(String code, Instant dueAt) {
    return transaction.execute(s -> notifications.notify(new AgencyNotification(agencyId, code,
        "UserTask_AnswerReferral", "Accept or reject a referral for legal assistance", dueAt, null)));
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

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
