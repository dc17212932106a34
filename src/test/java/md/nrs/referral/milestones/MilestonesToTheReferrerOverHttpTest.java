package md.nrs.referral.milestones;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.DeliveryJobs;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The referrer hears how its case goes on, over real HTTP: La Strada and Veritas refer through the intake API, a
 * real HTTP server on 127.0.0.1 stands in for both agencies' systems (signed webhooks), and each milestone the
 * case reaches is delivered to the referrer, signed, only as far as the person's consent allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-referral-intake;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class MilestonesToTheReferrerOverHttpTest {

  private static final String LA_STRADA_SECRET = "la-strada-shared-secret-2026";
  private static final String VERITAS_SECRET = "veritas-shared-secret-2026";
  private static final String PASSWORD = "Test#Milestones-2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired AgencyDirectory directory;
  @Autowired OutboxRepository outbox;
  @Autowired ReferrerMilestones milestones;
  @LocalServerPort int port;

  private HttpServer agencySystems;
  private final List<Delivery> received = new CopyOnWriteArrayList<>();

  record Delivery(String agency, String body, String timestamp, String signature) {
  }

  @BeforeEach
  void laStradaAndVeritasHaveWebhooksOnThisMachine() throws Exception {
    agencySystems = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    for (String agency : List.of("la-strada", "veritas")) {
      agencySystems.createContext("/" + agency, exchange -> {
        received.add(new Delivery(agency, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
            exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER),
            exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER)));
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
      });
    }
    agencySystems.start();
    webhookFor("la-strada", LA_STRADA_SECRET);
    webhookFor("veritas", VERITAS_SECRET);
    TestUsers.ensure(engine, "milestones.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "milestones.veritas", PASSWORD, "veritas", "caseworkers");
  }

  @AfterEach
  void stopTheAgencySystems() {
    agencySystems.stop(0);
  }

  @Test
  void laStradaReceivesEachMilestoneOfItsReferralSignedAndWithoutThePerson() throws Exception {
    String caseCode = refer("milestones.lastrada", "moldova", "ngo");
    String instanceId = caseInstance(caseCode);
    complete(instanceId, null, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "identified-victim", null, null)));
    complete(instanceId, null, InformedConsent.given("la-strada").submission());
    complete(instanceId, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false,
        "Counselling for Maria Popescu")));
    complete(instanceId, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    engine.getRuntimeService().deleteProcessInstance(instanceId, "the case ends");
    deliverAll("la-strada");

    List<Delivery> toLaStrada = received.stream().filter(d -> d.body().contains(caseCode)).toList();
    assertThat(toLaStrada).extracting(Delivery::agency).containsOnly("la-strada");
    assertThat(toLaStrada).allSatisfy(d -> assertThat(d.signature())
        .isEqualTo("sha256=" + WebhookSender.sign(LA_STRADA_SECRET, d.timestamp() + "." + d.body())));
    assertThat(toLaStrada).extracting(d -> JSON.readTree(d.body()).get("step").asText()).containsExactlyInAnyOrder(
        Milestone.ACCEPTED.step(), Milestone.IDENTIFIED.step(), Milestone.ASSISTANCE_STARTED.step(), Milestone.CLOSED.step());
    JsonNode accepted = toLaStrada.stream().map(d -> read(d.body()))
        .filter(n -> n.get("step").asText().equals(Milestone.ACCEPTED.step())).findFirst().orElseThrow();
    assertThat(accepted.get("summary").asText()).isEqualTo("Cazul " + caseCode + ": Referirea a fost acceptată");
    assertThat(toLaStrada).extracting(Delivery::body).noneMatch(body -> body.contains("Maria") || body.contains("Popescu")
        || body.contains("bus station"));
    assertThat(milestones.of(caseCode)).extracting(MilestoneRecord::getStatus).containsOnly(MilestoneRecord.SENT);
  }

  @Test
  void aPartnerAbroadWithoutTheConsentToInformAPartnerAbroadGetsNothing() throws Exception {
    String caseCode = refer("milestones.veritas", "abroad", "partner-abroad");
    String instanceId = caseInstance(caseCode);
    complete(instanceId, null, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    complete(instanceId, null, InformedConsent.given("iom", "veritas").submission());
    complete(instanceId, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false, "Return home")));
    complete(instanceId, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    deliverAll("veritas");

    assertThat(received).noneMatch(d -> d.body().contains(caseCode));
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).extracting(OutboxEntry::getAgencyId).doesNotContain("veritas");
    assertThat(milestones.of(caseCode)).extracting(MilestoneRecord::getMilestone, MilestoneRecord::getStatus).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Milestone.ACCEPTED.step(), MilestoneRecord.WITHHELD),
        org.assertj.core.groups.Tuple.tuple(Milestone.PRESUMED_VICTIM.step(), MilestoneRecord.WITHHELD),
        org.assertj.core.groups.Tuple.tuple(Milestone.ASSISTANCE_STARTED.step(), MilestoneRecord.WITHHELD));
  }

  @Test
  void aPartnerAbroadHearsTheMilestonesOnlyFromTheConsentToInformItOn() throws Exception {
    String caseCode = refer("milestones.veritas", "abroad", "partner-abroad");
    String instanceId = caseInstance(caseCode);
    complete(instanceId, null, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    complete(instanceId, null, InformedConsent.given("iom", "veritas").informingPartnerAbroad().submission());
    complete(instanceId, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false, "Return home")));
    complete(instanceId, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    deliverAll("veritas");

    List<Delivery> toVeritas = received.stream().filter(d -> d.body().contains(caseCode)).toList();
    assertThat(toVeritas).extracting(d -> read(d.body()).get("step").asText()).containsExactly(Milestone.ASSISTANCE_STARTED.step());
    assertThat(toVeritas).allSatisfy(d -> assertThat(d.signature())
        .isEqualTo("sha256=" + WebhookSender.sign(VERITAS_SECRET, d.timestamp() + "." + d.body())));
    assertThat(read(toVeritas.get(0).body()).get("summary").asText()).isEqualTo("Case " + caseCode + ": Assistance started");
  }

  private String refer(String user, String location, String channel) throws Exception {
    String country = "abroad".equals(location) ? "\"country\": \"Ukraine\", " : "";
    Response response = new PlatformHttp(port).post("/api/referrals", basic(user, PASSWORD), """
        {"sourceReference": "%s", "channel": "%s", "location": "%s", %s"category": "trafficking", "minor": false,
         "sex": "female", "ageBand": "18+", "immediateDanger": false, "referralSummary": "Met at the bus station"}"""
        .formatted("MS-" + UUID.randomUUID().toString().substring(0, 8), channel, location, country));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return JSON.readTree(response.body()).get("caseCode").asText();
  }

  private String caseInstance(String caseCode) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult().getId();
  }

  private void complete(String instanceId, String user, Map<String, Object> values) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    if (user != null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getTaskService().complete(task.getId(), values);
  }

  private void deliverAll(String agency) {
    DeliveryJobs.of(engine, agency).forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private void webhookFor(String agency, String secret) {
    var current = directory.find(agency).orElseThrow();
    directory.update(agency, new AgencyRequest(null, current.name(), current.kind(), current.services(), current.regions(),
        current.shelterPlaces(), "webhook", "http://127.0.0.1:" + agencySystems.getAddress().getPort() + "/" + agency, secret,
        null, null, true, current.version(), current.district(), current.language(), current.notifyMode(), current.country(),
        current.consentPurpose()));
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
