package md.nrs.referral.agencies;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.agencies.directory.AgencyView;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.safetyplan.SafetyPlanProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every agency learns of new work through the channel it chose in the directory (issue 15 item 7), in its
 * language (issue 19 item 5). New cases are registered over REST as La Strada; triage gives each to the
 * Chisinau MDT, whose identification interview is its new task. The MDT's channel is switched per test:
 * its system polling with Camunda's Java external-task client under its own credentials gets one task per
 * new case and another agency's client on the same topic none; a webhook gets one signed call per task; an
 * e-mail digest gets one message for several tasks once the daily digest runs. Real HTTP and SMTP servers on
 * 127.0.0.1; the job executor runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-new-work-channels;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=1000",
    "nrs.mail.from=nrs-test@platform.example"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewWorkThroughChannelsTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String MDT = "mdt-chisinau";
  private static final String TOPIC = "mdt-chisinau-new-work";
  private static final String SECRET = "the-mdt-webhook-secret-2026";
  private static final String IDENTIFICATION = NrsCaseProcess.Elements.IDENTIFICATION;
  private static final String ASSESS_RISKS = SafetyPlanProcess.Elements.ASSESS_RISKS;
  private static final int SMTP_PORT = freePort();

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired AgencyNotifications notifications;
  @Autowired OutboxRepository outbox;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
  @Autowired md.nrs.referral.casefile.CaseCodes caseCodes;
  @LocalServerPort int port;

  private PlatformHttp http;
  private GreenMail smtp;
  private HttpServer mdtServer;
  private final List<Received> calls = new CopyOnWriteArrayList<>();

  record Received(String body, String signature, String timestamp, String idempotencyKey) {
  }

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeAll
  void staffAndServers() throws IOException {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "nw.referrer", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "nw.mdt-system", PASSWORD, MDT);
    TestUsers.ensure(engine, "nw.other-system", PASSWORD, "la-strada");
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    mdtServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    mdtServer.createContext("/nrs/new-work", exchange -> {
      calls.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER),
          exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER),
          exchange.getRequestHeaders().getFirst(WebhookSender.IDEMPOTENCY_HEADER)));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    mdtServer.start();
    // the first referral of a fresh platform compiles the decision tables and forms: on a loaded machine that takes
    // longer than an HTTP client waits, so one goes through the Java API first (the MDT has no channel yet)
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .latestVersion().singleResult().getId();
    engine.getFormService().submitStartForm(definition, referral());
    http.get("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/form-variables", basic("nw.referrer", PASSWORD));
  }

  @AfterAll
  void stopServers() {
    smtp.stop();
    mdtServer.stop(0);
  }

  @Test
  void anAgencyOnTheExternalTaskChannelGetsATaskForEachNewCaseAndAnotherAgencysClientGetsNone() throws Exception {
    reachTheMdtThrough("external-task", null, null, TOPIC, "per-task", "ro");
    List<String> codes = List.of(register(), register(), register());
    // each new case gives the MDT two steps at once: the identification interview and the safety plan's risk assessment
    waitUntil(() -> engine.getExternalTaskService().createExternalTaskQuery().topicName(TOPIC).count() == 2L * codes.size());

    List<String> seenByOther = new CopyOnWriteArrayList<>();
    ExternalTaskClient other = client("nw.other-system");
    other.subscribe(TOPIC).handler((task, service) -> seenByOther.add(task.getBusinessKey())).open();
    Thread.sleep(3000); // a few long-polls by the other agency's worker
    other.stop();

    List<String> fetched = new CopyOnWriteArrayList<>();
    List<String> steps = new CopyOnWriteArrayList<>();
    ExternalTaskClient own = client("nw.mdt-system");
    own.subscribe(TOPIC).handler((task, service) -> {
      fetched.add(task.getBusinessKey());
      steps.add(task.getVariable(AgencyNotificationProcess.STEP.name()));
      service.complete(task);
    }).open();
    waitUntil(() -> fetched.size() == 2 * codes.size() && codes.stream().allMatch(code -> newWorkFor(code).stream()
        .allMatch(e -> e.getStatus() == OutboxEntry.Status.DELIVERED)));
    own.stop();

    assertThat(seenByOther).as("another agency's worker on the same topic").isEmpty();
    List<String> twice = new ArrayList<>(codes);
    twice.addAll(codes);
    assertThat(fetched).as("one task per new step of each case, the case code as business key")
        .containsExactlyInAnyOrderElementsOf(twice);
    assertThat(steps).containsOnly(IDENTIFICATION, ASSESS_RISKS);
    for (String code : codes) {
      assertThat(entriesFor(code)).singleElement().satisfies(entry -> {
        assertThat(entry.getChannel()).isEqualTo("external-task");
        assertThat(entry.getProcessKey()).isEqualTo(NrsCaseProcess.KEY);
        assertThat(entry.getDueAt()).as("the task's due date from the SLA table").isNotNull();
      });
    }
  }

  @Test
  void aWebhookAgencyGetsOneSignedCallPerNewTaskWithItsSummaryInItsLanguage() throws Exception {
    reachTheMdtThrough("webhook", "http://127.0.0.1:" + mdtServer.getAddress().getPort() + "/nrs/new-work", null, null,
        "per-task", "ro");
    List<String> codes = List.of(register(), register());
    waitUntil(() -> callsAbout(codes).size() == 2);
    Thread.sleep(1500); // time for a second call, were there one

    List<Received> received = callsAbout(codes);
    assertThat(received).hasSize(2);
    assertThat(received).extracting(Received::idempotencyKey).doesNotHaveDuplicates();
    for (Received call : received) {
      assertThat(call.signature()).isEqualTo("sha256=" + WebhookSender.sign(SECRET, call.timestamp() + "." + call.body()));
      JsonNode body = json.readTree(call.body());
      String code = body.get("caseCode").asText();
      assertThat(body.get("step").asText()).isEqualTo(IDENTIFICATION);
      assertThat(body.get("language").asText()).isEqualTo("ro");
      assertThat(body.get("summary").asText()).isEqualTo("Cazul " + code + ": Interviul de identificare (" + IDENTIFICATION + ")");
      assertThat(entriesFor(code)).singleElement().extracting(OutboxEntry::getNotificationKey).isEqualTo(call.idempotencyKey());
    }
  }

  @Test
  void aDigestAgencyGetsOneMessageForSeveralNewTasksInItsLanguageWhenTheDailyDigestRuns() throws Exception {
    reachTheMdtThrough("email", null, "mdt.chisinau@agency.example", null, "daily-digest", "ru");
    int mailsBefore = smtp.getReceivedMessages().length;
    List<String> codes = List.of(register(), register());
    waitUntil(() -> codes.stream().allMatch(code -> entriesFor(code).size() == 1
        && entriesFor(code).get(0).getStatus() == OutboxEntry.Status.QUEUED));
    assertThat(smtp.getReceivedMessages()).as("nothing before the digest").hasSize(mailsBefore);

    Job morning = engine.getManagementService().createJobQuery().processDefinitionKey(AgencyDigestProcess.KEY).timers()
        .singleResult();
    engine.getManagementService().executeJob(morning.getId()); // 08:00 comes; the job executor sends the digests
    waitUntil(() -> smtp.getReceivedMessages().length == mailsBefore + 1
        && codes.stream().allMatch(code -> entriesFor(code).get(0).getStatus() == OutboxEntry.Status.DELIVERED));

    MimeMessage digest = smtp.getReceivedMessages()[mailsBefore];
    assertThat(digest.getAllRecipients()).extracting(Object::toString).containsExactly("mdt.chisinau@agency.example");
    // two cases, each with its identification interview and its risk assessment
    assertThat(digest.getSubject()).isEqualTo("НСП: этапов случаев для вашего учреждения: 4");
    String text = ((String) digest.getContent()).replace("\r\n", "\n");
    assertThat(text).startsWith("Национальная система перенаправления: этапов случаев, требующих участия вашего учреждения")
        .contains(codes.get(0), codes.get(1), "Этап: Идентификационное интервью (" + IDENTIFICATION + ")", "Срок: ");
    List<String> digestKeys = new ArrayList<>();
    for (String code : codes) {
      OutboxEntry entry = entriesFor(code).get(0);
      assertThat(entry.getChannel()).isEqualTo("email-digest");
      digestKeys.add(entry.getDigestKey());
    }
    assertThat(digestKeys).doesNotContainNull().containsOnly(digest.getHeader("X-NRS-Notification-Key")[0]);
    Thread.sleep(1000);
    assertThat(smtp.getReceivedMessages()).as("one message for all four steps").hasSize(mailsBefore + 1);
  }

  @Test
  void aRomanianARussianAndAnEnglishAgencyEachReadTheirLanguage() throws Exception {
    Map<String, String> addressOf = new LinkedHashMap<>();
    for (String language : List.of("ro", "ru", "en")) {
      String id = "lang-" + language + "-" + Long.toString(System.nanoTime(), 36);
      addressOf.put(language, id + "@agency.example");
      directory.create(new AgencyRequest(id, "Agency writing in " + language, "agency", List.of("legal"), List.of("chisinau"),
          null, "email", null, null, id + "@agency.example", null, null, null, null, language, null, null, null));
      String code = caseCodes.next();
      transaction.execute(s -> notifications.notify(new AgencyNotification(id, code, IDENTIFICATION,
          "New task: Identification interview", null, null, NrsCaseProcess.KEY)));
    }
    waitUntil(() -> addressOf.values().stream().allMatch(address -> messageTo(address) != null));

    assertThat(messageTo(addressOf.get("ro")).getSubject()).startsWith("SNR NRS-").endsWith(": Interviul de identificare ("
        + IDENTIFICATION + ")");
    assertThat(bodyOf(messageTo(addressOf.get("ro")))).contains("Sistemul Național de Referire", "Caz: NRS-",
        "Etapa: Interviul de identificare", "O sarcină nouă pentru agenția dumneavoastră",
        "nu conține date cu caracter personal");
    assertThat(messageTo(addressOf.get("ru")).getSubject()).startsWith("НСП NRS-").endsWith(": Идентификационное интервью ("
        + IDENTIFICATION + ")");
    assertThat(bodyOf(messageTo(addressOf.get("ru")))).contains("Национальная система перенаправления", "Случай: NRS-",
        "Этап: Идентификационное интервью", "Новая задача для вашего учреждения", "не содержит персональных данных");
    assertThat(messageTo(addressOf.get("en")).getSubject()).startsWith("NRS NRS-").endsWith(": Identification interview ("
        + IDENTIFICATION + ")");
    assertThat(bodyOf(messageTo(addressOf.get("en")))).contains("National Referral System", "Case: NRS-",
        "Step: Identification interview", "A new task for your agency", "holds no personal data");
  }

  // ---

  private void reachTheMdtThrough(String channel, String webhookUrl, String email, String topic, String notify, String language) {
    AgencyView mdt = directory.find(MDT).orElseThrow();
    directory.update(MDT, new AgencyRequest(MDT, mdt.name(), mdt.kind(), mdt.services(), mdt.regions(), mdt.shelterPlaces(),
        channel, webhookUrl, webhookUrl == null ? null : SECRET, email, topic, true, mdt.version(), mdt.district(), language,
        notify, null, null));
  }

  /** A new adult case in Moldova referred by La Strada; triage gives it to the Chisinau MDT. */
  private String register() throws IOException {
    PlatformHttp.Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic("nw.referrer", PASSWORD), formSubmission(referral()));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return json.readTree(started.body()).get("businessKey").asText();
  }

  private static Map<String, Object> referral() {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(NrsCaseProcess.CHANNEL.name(), "hotline-la-strada");
    form.put(NrsCaseProcess.LOCATION.name(), "moldova");
    form.put(NrsCaseProcess.CATEGORY.name(), "trafficking");
    form.put(NrsCaseProcess.MINOR.name(), false);
    form.put(NrsCaseProcess.AGE_BAND.name(), "18+");
    form.put(NrsCaseProcess.SEX.name(), "female");
    form.put(NrsCaseProcess.IMMEDIATE_DANGER.name(), false);
    form.put(NrsCaseProcess.REFERRAL_SUMMARY.name(), "Called the hotline");
    return form;
  }

  /** The MDT's notice of the case's identification interview. */
  private List<OutboxEntry> entriesFor(String code) {
    return newWorkFor(code).stream().filter(e -> IDENTIFICATION.equals(e.getStep())).toList();
  }

  /** Every notice of new work the MDT got for the case (the identification and the risk assessment). */
  private List<OutboxEntry> newWorkFor(String code) {
    return outbox.findByCaseCodeOrderByIdAsc(code).stream().filter(e -> e.getAgencyId().equals(MDT)).toList();
  }

  /** The webhook calls about the cases' identification interviews. */
  private List<Received> callsAbout(List<String> codes) {
    return calls.stream().filter(call -> codes.stream().anyMatch(call.body()::contains))
        .filter(call -> call.body().contains("\"step\":\"" + IDENTIFICATION + "\"")).toList();
  }

  private MimeMessage messageTo(String address) {
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (message.getAllRecipients()[0].toString().equals(address)) {
          return message;
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }

  private static String bodyOf(MimeMessage message) throws Exception {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  private ExternalTaskClient client(String user) {
    return ExternalTaskClient.create().baseUrl("http://127.0.0.1:" + port + "/engine-rest")
        .addInterceptor(new BasicAuthProvider(user, PASSWORD)).asyncResponseTimeout(1000).lockDuration(10_000)
        .workerId(user).build();
  }

  /** Waits for the running platform (job executor, client threads), bounded; fails when the bound passes. */
  private static void waitUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
