package md.nrs.referral.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.agencies.AgencyNotificationProcess;
import md.nrs.referral.agencies.delivery.DeliverNotification;
import md.nrs.referral.agencies.delivery.OutboxAgencyNotifications;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.agencies.directory.AgencyView;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What became of the five notifications the chaos suite's full run found NOT_SENT: SLA reminders to the case's
 * team (mdt-chisinau), written at the first sweep while the identification was still open, before consent was
 * asked. A team without a channel works in Tasklist, so its reminder is not sent — and the outbox now says so,
 * with no refusal in the audit trail. A team with a webhook gets it even after it recorded consent without naming
 * itself (it met the person); only consent that leaves the agency out, recorded by another agency, refuses it at
 * delivery, and that refusal is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-reminder-delivery;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class ReminderDeliveryTest {

  private static final String TEAM = "mdt-chisinau";
  private static final String SECRET = "the-team-webhook-secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired OutboxRepository outbox;
  @Autowired AgencyDirectory directory;
  @Autowired ConsentRegistry consents;
  @Autowired JdbcTemplate jdbc;

  private HttpServer teamServer;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private String caseCode;
  private OutboxEntry reminder;

  @BeforeEach
  void aCaseWhoseInterviewIsDueInTwelveHours() throws IOException {
    teamServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    teamServer.createContext("/team/hook", exchange -> {
      received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    teamServer.start();
    var instance = AdultReferrals.refer(engine);
    caseCode = instance.getBusinessKey();
    Task interview = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.IDENTIFICATION).singleResult();
    ClockUtil.setCurrentTime(Date.from(interview.getDueDate().toInstant().minus(Duration.ofHours(12))));
  }

  @AfterEach
  void realClockAndNoServer() {
    ClockUtil.reset();
    teamServer.stop(0);
  }

  @Test
  void aTeamWithoutAChannelGetsNoReminderAndTheOutboxSaysWhyWithoutARefusal() {
    teamChannel("none", null);

    sweepWritesTheReminder();

    assertThat(deliveryJobs()).as("no delivery process for a team that works in Tasklist").isEmpty();
    OutboxEntry entry = reloaded();
    assertThat(entry.getStatus()).isEqualTo(OutboxEntry.Status.NOT_SENT);
    assertThat(entry.getLastError()).isEqualTo(DeliverNotification.NO_CHANNEL);
    assertThat(refusalsAudited()).isEmpty();
  }

  @Test
  void aTeamWithAWebhookGetsTheReminderAfterItRecordedConsentWithoutNamingItself() {
    teamChannel("webhook", "http://127.0.0.1:" + teamServer.getAddress().getPort() + "/team/hook");
    sweepWritesTheReminder();
    consentRecordedBy(TEAM);

    deliver();

    assertThat(reloaded().getStatus()).isEqualTo(OutboxEntry.Status.DELIVERED);
    assertThat(received).containsExactly(reminder.getNotificationKey());
    assertThat(refusalsAudited()).isEmpty();
  }

  @Test
  void consentRecordedByAnotherAgencyWithoutTheTeamRefusesTheReminderAtDeliveryAndTheRefusalIsAudited() {
    teamChannel("webhook", "http://127.0.0.1:" + teamServer.getAddress().getPort() + "/team/hook");
    sweepWritesTheReminder();
    consentRecordedBy("la-strada");

    deliver();

    OutboxEntry entry = reloaded();
    assertThat(entry.getStatus()).isEqualTo(OutboxEntry.Status.NOT_SENT);
    assertThat(entry.getLastError()).isEqualTo(DeliverNotification.REFUSED_AT_DELIVERY);
    assertThat(received).isEmpty();
    assertThat(refusalsAudited()).singleElement().asString().contains(TEAM).contains("at delivery: no consent to share with " + TEAM);
  }

  // ---

  /** The person consents to assistance, shared with La Strada only; the agency whose task it was records it. */
  private void consentRecordedBy(String agency) {
    consents.record(caseCode, ConsentRegistry.ASSISTANCE, true, "a.caseworker", agency, "test");
    consents.record(caseCode, ConsentRegistry.shareWith("la-strada"), true, "a.caseworker", agency, "test");
    consents.record(caseCode, ConsentRegistry.shareWith(TEAM), false, "a.caseworker", agency, "test");
  }

  private void teamChannel(String channel, String url) {
    AgencyView team = directory.find(TEAM).orElseThrow();
    directory.update(TEAM, new AgencyRequest(null, team.name(), team.kind(), team.services(), team.regions(),
        team.shelterPlaces(), channel, url, url == null ? null : SECRET, null, null, true, team.version()));
  }

  /** The first sweep, while the identification is still open and before consent is asked, reminds the team. */
  private void sweepWritesTheReminder() {
    Job sweep = engine.getManagementService().createJobQuery().processDefinitionKey(SlaWatchProcess.KEY).timers().singleResult();
    engine.getManagementService().executeJob(sweep.getId());
    reminder = outbox.findByCaseCodeOrderByIdAsc(caseCode).stream().filter(e -> TEAM.equals(e.getAgencyId())).findFirst()
        .orElseThrow();
    assertThat(consents.inForce(caseCode)).as("consent not asked yet").isEmpty();
  }

  /** Runs this reminder's delivery job, as the job executor would. */
  private void deliver() {
    engine.getManagementService().executeJob(deliveryJobs().stream().findFirst().orElseThrow().getId());
  }

  private List<Job> deliveryJobs() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(OutboxAgencyNotifications.DELIVERY_PROCESS)
        .list().stream().filter(j -> reminder.getNotificationKey().equals(engine.getRuntimeService()
            .getVariable(j.getProcessInstanceId(), AgencyNotificationProcess.NOTIFICATION_KEY.name()))).toList();
  }

  private OutboxEntry reloaded() {
    return outbox.findByNotificationKey(reminder.getNotificationKey()).orElseThrow();
  }

  private List<String> refusalsAudited() {
    return jdbc.queryForList("SELECT subject || ': ' || detail FROM nrs_audit WHERE case_code = ? AND action = 'NOTIFICATION_REFUSED'",
        String.class, caseCode);
  }
}
