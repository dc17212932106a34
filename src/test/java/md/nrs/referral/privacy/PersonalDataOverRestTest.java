package md.nrs.referral.privacy;

import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_REASON;
import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.agencies.delivery.DailyDigests;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.agencies.directory.AgencyView;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.InformedConsentForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.crossborder.OutboundReferralProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.foreignvictims.ApplyForProvisionalStayForm;
import md.nrs.referral.foreignvictims.AssessReturnOrStayForm;
import md.nrs.referral.foreignvictims.ForeignVictimProcess;
import md.nrs.referral.foreignvictims.OrganiseAssistedReturnForm;
import md.nrs.referral.justice.CriminalJusticeProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.childprotection.AppointRepresentativeForm;
import md.nrs.referral.childprotection.AssessAgeForm;
import md.nrs.referral.childprotection.AssessChildSituationForm;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.privacy.consent.ConsentCheckedNotifications;
import md.nrs.referral.privacy.retention.Anonymisation;
import md.nrs.referral.privacy.vault.KeyRing;
import md.nrs.referral.privacy.vault.KeyRotation;
import md.nrs.referral.privacy.vault.PersonRepository;
import md.nrs.referral.testing.PersonalValueScan;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data through the running platform (H2): recorded with the informed-consent form over
 * Tasklist's API, kept out of every engine table, the outbox (new-task notices by external task and daily
 * digest included) and the logs, sealed in the vault, shown
 * only to the right agency, audited in a chain that detects tampering; consent withdrawn stops the
 * next notification; key rotation keeps every record readable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-personal-data;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataOverRestTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final List<String> GROUPS = List.of("la-strada", "iom", "mdt-chisinau", "cap-chisinau", "womens-initiative",
      "community-social-workers", "guardianship-chisinau", "interaction", "resonance", "cnfacem", "gpi", "cctp", "nrs-coordinators");
  /** Recognisable values: none may appear anywhere but sealed in the vault. */
  private static final List<String> MARKERS = List.of("Zorina", "TESTMARK", "1999-03-17", "zorina.p@example.org", "69 918 273",
      "60 777 319");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired AgencyNotifications notifications;
  @Autowired OutboxRepository outbox;
  @Autowired AuditTrail audit;
  @Autowired KeyRotation rotation;
  @Autowired PrivacyProperties privacy;
  @Autowired PersonRepository persons;
  @Autowired PersonalDataVault vault;
  @Autowired ConsentPolicy policy;
  @Autowired ConsentCheckedNotifications deliveryCheck;
  @Autowired Anonymisation anonymisation;
  @Autowired AgencyDirectory directory;
  @Autowired DailyDigests digests;
  @LocalServerPort int port;
  PlatformHttp http;
  String closedCase;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    for (String group : GROUPS) {
      if (group.equals("nrs-coordinators")) {
        TestUsers.ensure(engine, "pd." + group, PASSWORD, group);
      } else {
        TestUsers.ensure(engine, "pd." + group, PASSWORD, group, "caseworkers");
      }
    }
    TestUsers.ensure(engine, "pd.operator", PASSWORD, "camunda-admin");
    TestUsers.ensure(engine, "pd.manager", PASSWORD, "managers");
    TestUsers.ensure(engine, "pd.auditor", PASSWORD, "auditors");
    // new tasks reach these through their channels (issue 15 item 7): their paths are scanned too
    reachThrough("iom", "external-task", null, "iom-new-work", "per-task");
    reachThrough("cap-chisinau", "email", "cap@agency.example", null, "daily-digest");
  }

  private void reachThrough(String id, String channel, String email, String topic, String notify) {
    AgencyView agency = directory.find(id).orElseThrow();
    directory.update(id, new AgencyRequest(id, agency.name(), agency.kind(), agency.services(), agency.regions(),
        agency.shelterPlaces(), channel, null, null, email, topic, true, agency.version(), agency.district(), "ru", notify,
        agency.country(), agency.consentPurpose()));
  }

  @Test
  @Order(1)
  void aWholeCaseLeavesNoPersonalValueInAnyEngineTableTheOutboxOrTheLogs(CapturedOutput output) throws Exception {
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    // the consent form as Tasklist submits it: the webapps' own API, with the login session
    Credentials tasklist = http.login("tasklist", "pd.iom", PASSWORD);
    submitOk(caseTask(instance), tasklist, consentWithPerson(List.of("iom", "cap-chisinau", "la-strada")));

    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), FormSubmission.of(new NeedsAssessmentForm(List.of("legal", "medical"),
        true, "Return home, shelter, legal and medical assistance")));
    submitOk(caseTask(instance), basic("pd.nrs-coordinators", PASSWORD), Map.of(PLAN_DECISION.name(), "approve"));
    new OverRest().driveUntil(code, instance, Elements.PROPOSE_CLOSURE);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    submitOk(caseTask(instance), basic("pd.nrs-coordinators", PASSWORD), Map.of(CLOSURE_DECISION.name(), "approve"));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(Elements.CASE_CLOSED).finished().count()).isEqualTo(1);
    closedCase = code;

    // the values did arrive: the collecting agency reads them back through the case view
    Response view = http.get("/api/cases/" + code, basic("pd.iom", PASSWORD));
    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    assertThat(view.body()).contains("Zorina", "Plamadeala-TESTMARK", "1999-03-17", "+373 69 918 273");

    // the new-task notices went out (iom: external task) or wait for the digest (cap-chisinau), which fails here
    // (no SMTP server) and logs why: all of it is scanned below
    assertThat(jdbc.queryForObject("select count(*) from nrs_outbox where case_code = ? and process_key is not null"
        + " and agency_id in ('iom', 'cap-chisinau')", Long.class, code)).isGreaterThan(2);
    assertThatThrownBy(digests::sendAll).hasMessageContaining("cap-chisinau");

    // La Strada registered the case (abroad: it went through repatriation) in Tasklist: its milestones went to the outbox too (milestones/), scanned below
    assertThat(jdbc.queryForList("select milestone from nrs_referrer_milestone where case_code = ? and agency_id = 'la-strada'"
        + " and status = 'sent' order by id", String.class, code)).containsExactly("Milestone_Accepted", "Milestone_PresumedVictim",
        "Milestone_AssistanceStarted", "Milestone_Returned", "Milestone_Closed");
    assertThat(jdbc.queryForObject("select count(*) from nrs_outbox where case_code = ? and agency_id = 'la-strada'"
        + " and step like 'Milestone_%'", Long.class, code)).isEqualTo(5);

    Map<String, List<String>> found = scanEveryTable();
    assertThat(found).as("personal values in database tables (table -> columns)").isEmpty();
    assertThat(scanTable("ACT_HI_DETAIL")).isEmpty(); // named, since DESIGN.md section 6 is about these three
    assertThat(scanTable("ACT_HI_VARINST")).isEmpty();
    assertThat(scanTable("ACT_RU_VARIABLE")).isEmpty();
    assertThat(scanTable("NRS_OUTBOX")).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from nrs_outbox where case_code = ?", Long.class, code)).isPositive();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(2)
  void theVaultColumnsHoldOnlyAesGcmCiphertextUnderTheActiveKey() {
    Map<String, Object> row = jdbc.queryForMap("select * from nrs_person where case_code = ?", closedCase);
    assertThat(row.get("KEY_ID")).isEqualTo(privacy.activeKey());
    for (String column : List.of("GIVEN_NAME", "FAMILY_NAME", "DATE_OF_BIRTH", "PHONE", "EMAIL", "ADDRESS",
        "DOCUMENT_TYPE", "DOCUMENT_NUMBER", "FAMILY_CONTACT")) {
      String stored = (String) row.get(column);
      assertThat(stored).as(column).isNotNull();
      byte[] sealed = Base64.getDecoder().decode(stored);
      assertThat(sealed.length).as(column + ": 12-byte IV + ciphertext + 16-byte tag").isGreaterThan(28);
      for (String marker : MARKERS) {
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(marker);
      }
    }
    // the same value sealed twice looks different: a fresh IV each time
    String given = (String) row.get("GIVEN_NAME");
    transaction.executeWithoutResult(s -> persons.findByCaseCode(closedCase).orElseThrow());
    assertThat(given).isNotEqualTo(new FieldCipher(KeyRing.of(privacy)).seal("Zorina", closedCase, "given_name"));
  }

  @Test
  @Order(3)
  void theCaseViewShowsThePersonOnlyToAnAgencyWithATaskAndConsentAndAuditsEveryRead() {
    String code = closedCase;
    Response collector = http.get("/api/cases/" + code, basic("pd.iom", PASSWORD));
    assertThat(collector.status()).isEqualTo(200);
    assertThat(collector.header("Cache-Control")).contains("no-store");
    assertThat(collector.body()).contains("\"personalData\":\"shown\"", "Zorina");

    // an agency the person agreed to share with, that had a task on the case
    String sharedWithTask = List.of("cap-chisinau", "la-strada").stream().filter(a -> policy.hadTask(code, a)).findFirst()
        .orElseThrow(() -> new AssertionError("no consented agency had a task on the case"));
    Response shared = http.get("/api/cases/" + code, basic("pd." + sharedWithTask, PASSWORD));
    assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
    assertThat(shared.body()).contains("Plamadeala-TESTMARK");

    Response police = http.get("/api/cases/" + code, basic("pd.gpi", PASSWORD));
    assertThat(police.status()).as("another agency, no task, no consent").isEqualTo(403);
    assertThat(police.body()).doesNotContain("Zorina").contains("You have no part in this case");

    Response manager = http.get("/api/cases/" + code, basic("pd.manager", PASSWORD));
    assertThat(manager.status()).isEqualTo(200);
    assertThat(manager.body()).contains("not shown to this role").doesNotContain("Zorina", "TESTMARK");

    List<Map<String, Object>> reads = jdbc.queryForList(
        "select actor, outcome, client_address from nrs_audit where action = 'PERSONAL_DATA_READ' and case_code = ? order by seq", code);
    assertThat(reads).extracting(r -> r.get("ACTOR") + " " + r.get("OUTCOME"))
        .contains("pd.iom OK", "pd." + sharedWithTask + " OK", "pd.gpi REFUSED");
    assertThat(reads).allSatisfy(r -> assertThat(r.get("CLIENT_ADDRESS")).isEqualTo("127.0.0.1"));
  }

  @Test
  @Order(3)
  void twiceAsManyReadsOfThePersonAtOnceAsThePoolHasConnectionsAreAllAnsweredAndAudited() throws Exception {
    // each read of the person is audited in a transaction of its own; the read once held its own connection
    // meanwhile, and this many readers held every connection waiting for one another (30 s, then no connection)
    String code = closedCase;
    int readers = 2 * ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
    md.nrs.referral.engine.Caller collector = new md.nrs.referral.engine.Caller("pd.iom", List.of("iom", "caseworkers"),
        "127.0.0.1");
    String audited = "select count(*) from nrs_audit where action = 'PERSONAL_DATA_READ' and case_code = ? "
        + "and actor = 'pd.iom' and outcome = 'OK'";
    Integer before = jdbc.queryForObject(audited, Integer.class, code);
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(readers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<Boolean>> reads = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        reads.add(threads.submit(() -> {
          start.await();
          return vault.read(code, collector).isPresent();
        }));
      }
      start.countDown();
      List<Boolean> found = new ArrayList<>();
      for (java.util.concurrent.Future<Boolean> read : reads) {
        found.add(read.get(2, java.util.concurrent.TimeUnit.MINUTES));
      }
      assertThat(found).hasSize(readers).containsOnly(true);
    } finally {
      threads.shutdownNow();
    }
    assertThat(jdbc.queryForObject(audited, Integer.class, code)).as("every read audited once").isEqualTo(before + readers);
  }

  @Test
  @Order(3)
  void theCasePageShowsThePersonByTheCaseViewsRulesAndTheReferralsListNoPersonAtAll() {
    String code = closedCase;
    String journey = "/api/cases/" + code + "/journey";
    Response collector = http.get(journey, http.login("tasklist", "pd.iom", PASSWORD));
    assertThat(collector.status()).as(collector.toString()).isEqualTo(200);
    assertThat(collector.header("Cache-Control")).contains("no-store");
    assertThat(collector.body()).contains("Zorina", "Plamadeala-TESTMARK");

    for (String userId : List.of("pd.gpi", "pd.manager", "pd.nrs-coordinators", "pd.auditor")) {
      Response other = http.get(journey, basic(userId, PASSWORD));
      assertThat(other.status()).as(userId + ": " + other).isIn(200, 403);
      for (String marker : MARKERS) {
        assertThat(other.body()).as(userId).doesNotContainIgnoringCase(marker);
      }
    }
    // the referring agency's list: codes and states, nothing of the person
    Response referrals = http.get("/api/referrals", basic("pd.la-strada", PASSWORD));
    assertThat(referrals.status()).as(referrals.toString()).isEqualTo(200);
    assertThat(referrals.body()).contains(code);
    for (String marker : MARKERS) {
      assertThat(referrals.body()).doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(4)
  void aWithdrawnConsentBlocksTheNextNotificationButNotTheChildProtectionDuty() {
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), consentWithPerson(List.of("iom", "womens-initiative")));

    assertThat(notify(code, "womens-initiative", "UserTask_AnswerServiceReferral")).as("consent given").isNotNull();
    assertThat(notify(code, "resonance", "UserTask_AnswerServiceReferral")).as("never agreed").isNull();

    Response withdraw = http.post("/api/cases/" + code + "/consents", basic("pd.iom", PASSWORD),
        "{\"purpose\":\"share-with-agency:womens-initiative\",\"given\":false}");
    assertThat(withdraw.status()).as(withdraw.toString()).isEqualTo(204);
    Response stranger = http.post("/api/cases/" + code + "/consents", basic("pd.gpi", PASSWORD),
        "{\"purpose\":\"law-enforcement\",\"given\":true}");
    assertThat(stranger.status()).isEqualTo(403);

    long before = outbox.findByCaseCodeOrderByIdAsc(code).size();
    assertThat(notify(code, "womens-initiative", "UserTask_AnswerServiceReferral")).as("consent withdrawn").isNull();
    assertThat(outbox.findByCaseCodeOrderByIdAsc(code)).hasSize((int) before);
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where action = 'NOTIFICATION_REFUSED' and case_code = ?"
        + " and subject like 'womens-initiative%'", Long.class, code)).isEqualTo(1);
    assertThat(deliveryCheck.mayDeliver(code, "womens-initiative", "UserTask_AnswerServiceReferral"))
        .as("the one written before the withdrawal is not delivered either").isFalse();
    assertThat(notify(code, "guardianship-chisinau", Elements.ALERT_GUARDIANSHIP)).as("legal duty").isNotNull();

    // withdrawing consent to assistance ends the case; the agencies are told to stop (legal basis)
    Response stop = http.post("/api/cases/" + code + "/consents", basic("pd.iom", PASSWORD),
        "{\"purpose\":\"assistance\",\"given\":false}");
    assertThat(stop.status()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(Elements.CASE_ENDED_CONSENT_WITHDRAWN).finished().count()).isEqualTo(1);
    assertThat(outbox.findByCaseCodeOrderByIdAsc(code)).anyMatch(e -> e.getStep().equals(Elements.TELL_AGENCIES_CONSENT_WITHDRAWN));
    Response iomNow = http.get("/api/cases/" + code, basic("pd.iom", PASSWORD));
    assertThat(iomNow.status()).as("nothing is shown once consent to assistance is withdrawn").isEqualTo(403);
  }

  @Test
  @Order(5)
  void personalFieldsSentAsProcessVariablesAreRefusedAndNeverStored() throws Exception {
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    Task consent = caseTask(instance);

    Response asVariable = http.put("/engine-rest/task/" + consent.getId() + "/variables/personGivenName",
        basic("pd.iom", PASSWORD), "{\"value\":\"Zorina\",\"type\":\"String\"}");
    assertThat(asVariable.status()).as(asVariable.toString()).isEqualTo(400);
    Map<String, Object> viaJava = InformedConsent.given().person("Zorina Plamadeala-TESTMARK", null).submission();
    assertThatThrownBy(() -> engine.getTaskService().complete(consent.getId(), viaJava))
        .hasMessageContaining("Personal data may not be stored as process variables").hasMessageNotContaining("Zorina");
    assertThat(engine.getTaskService().createTaskQuery().taskId(consent.getId()).count()).as("still open").isEqualTo(1);
    assertThat(scanEveryTable()).isEmpty();

    Response invalid = submit(consent, basic("pd.iom", PASSWORD), FormSubmission.of(new InformedConsentForm(true, "given", null, false,
        false, null, null, null, LocalDate.of(2999, 1, 1), null, "not-an-address-TESTMARK", null, null, null, null)));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("personEmail", "personDateOfBirth").doesNotContain("TESTMARK");
  }

  @Test
  @Order(6)
  void loginsSuccessfulAndFailedAreAudited() {
    assertThat(http.get("/api/cases/NRS-2026-999999", basic("pd.gpi", "wrong-password")).status()).isEqualTo(401);
    PlatformHttp.WebappSession session = http.login("cockpit", "pd.manager", "also-wrong");
    assertThat(session.loginResponse().status()).isNotEqualTo(200);
    http.login("tasklist", "pd.cap-chisinau", PASSWORD);

    List<String> logins = jdbc.queryForList("select actor || ' ' || action || ' ' || subject from nrs_audit"
        + " where action in ('LOGIN', 'LOGIN_FAILED') order by seq", String.class);
    assertThat(logins).contains("pd.gpi LOGIN_FAILED basic /api/cases/NRS-2026-999999",
        "pd.manager LOGIN_FAILED webapp cockpit", "pd.cap-chisinau LOGIN webapp tasklist");
    assertThat(logins).anyMatch(l -> l.startsWith("pd.iom LOGIN basic"));
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where action = 'TASK_COMPLETED' and case_code = ?",
        Long.class, closedCase)).isGreaterThan(10);
  }

  @Test
  @Order(7)
  void keyRotationReSealsEveryRecordAndKeepsItReadable() {
    Map<String, PersonRecord> before = new LinkedHashMap<>();
    FieldCipher current = new FieldCipher(KeyRing.of(privacy));
    transaction.executeWithoutResult(s -> persons.findAll().forEach(p -> before.put(p.caseCode(), p.open(current))));
    assertThat(before).isNotEmpty();

    Map<String, String> keys = new LinkedHashMap<>(privacy.allKeys());
    keys.put("next-2027", Base64.getEncoder().encodeToString("another-key-of-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII)));
    FieldCipher next = new FieldCipher(new KeyRing(keys, "next-2027"));
    assertThat(rotation.rotate(next, "test")).isEqualTo(before.size());
    assertThat(jdbc.queryForList("select distinct key_id from nrs_person", String.class)).containsExactly("next-2027");
    FieldCipher onlyNewKey = new FieldCipher(new KeyRing(Map.of("next-2027", keys.get("next-2027")), "next-2027"));
    transaction.executeWithoutResult(s -> persons.findAll().forEach(p ->
        assertThat(p.open(onlyNewKey)).usingRecursiveComparison().isEqualTo(before.get(p.caseCode()))));

    // and back, so the running platform (which has only its own key) reads them again
    assertThat(rotation.rotate(new FieldCipher(new KeyRing(keys, privacy.activeKey())), "test")).isEqualTo(before.size());
    assertThat(http.get("/api/cases/" + closedCase, basic("pd.iom", PASSWORD)).body()).contains("Zorina");
  }

  @Test
  @Order(8)
  void auditorsVerifyTheChainAndVerifyNamesTheFirstTamperedEntry() throws Exception {
    Response notAuditor = http.post("/api/audit/verify", basic("pd.operator", PASSWORD), "");
    assertThat(notAuditor.status()).isEqualTo(403);
    JsonNode clean = json.readTree(http.post("/api/audit/verify", basic("pd.auditor", PASSWORD), "").body());
    assertThat(clean.get("valid").asBoolean()).as(clean.toString()).isTrue();
    assertThat(clean.get("entriesChecked").asLong()).isGreaterThan(50);

    Response query = http.get("/api/audit?caseCode=" + closedCase + "&action=PERSONAL_DATA_READ", basic("pd.auditor", PASSWORD));
    assertThat(query.status()).isEqualTo(200);
    assertThat(query.body()).contains("pd.gpi", "REFUSED").doesNotContain("Zorina");

    long target = jdbc.queryForObject("select min(seq) from nrs_audit where action = 'PERSONAL_DATA_READ' and outcome = 'REFUSED'",
        Long.class);
    String original = jdbc.queryForObject("select actor from nrs_audit where seq = ?", String.class, target);
    jdbc.update("update nrs_audit set actor = 'someone-else' where seq = ?", target);
    AuditTrail.Verification tampered = audit.verify();
    assertThat(tampered.valid()).isFalse();
    assertThat(tampered.firstBrokenEntry()).isEqualTo(target);
    assertThat(tampered.problem()).contains("entry " + target, "edited");
    JsonNode overRest = json.readTree(http.post("/api/audit/verify", basic("pd.auditor", PASSWORD), "").body());
    assertThat(overRest.get("firstBrokenEntry").asLong()).isEqualTo(target);

    jdbc.update("update nrs_audit set actor = ? where seq = ?", original, target);
    jdbc.update("delete from nrs_audit where seq = ?", target + 1);
    AuditTrail.Verification removed = audit.verify();
    assertThat(removed.firstBrokenEntry()).isEqualTo(target + 1);
    assertThat(removed.problem()).contains("missing");
  }

  @Test
  @Order(9)
  void theRetentionJobErasesThePersonOfEndedCasesOnly() {
    String open = register("la-strada");
    String instance = instanceOf(open);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), consentWithPerson(List.of("iom")));

    assertThat(anonymisation.anonymiseEndedBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1))))
        .as("nothing ended a day ago").isZero();
    int erased = anonymisation.anonymiseEndedBefore(java.time.Instant.now().plusSeconds(60));
    assertThat(erased).as("the closed case and the one whose consent was withdrawn").isEqualTo(2);
    Map<String, Object> closed = jdbc.queryForMap("select * from nrs_person where case_code = ?", closedCase);
    assertThat(closed.get("GIVEN_NAME")).isNull();
    assertThat(closed.get("ANONYMISED_AT")).isNotNull();
    assertThat(jdbc.queryForObject("select given_name from nrs_person where case_code = ?", String.class, open)).isNotNull();
    assertThat(http.get("/api/cases/" + closedCase, basic("pd.iom", PASSWORD)).body()).contains("none recorded")
        .doesNotContain("Zorina");
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where action = 'PERSONAL_DATA_ANONYMISED'", Long.class))
        .isEqualTo(2);
  }

  @Test
  @Order(10)
  void anExitProposedOverRestAndApprovedLeavesNoPersonalValueAnywhere(CapturedOutput output) throws Exception {
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    submitOk(caseTask(instance), http.login("tasklist", "pd.iom", PASSWORD), consentWithPerson(List.of("iom")));

    // a stray free text naming the person is not part of the proposal: it is read nowhere and stored nowhere
    Response proposed = http.post("/api/cases/" + code + "/exit-proposals", basic("pd.iom", PASSWORD),
        "{\"reason\":\"lost-contact\",\"contactAttempts\":3,\"note\":\"Zorina Plamadeala-TESTMARK moved away\"}");
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    assertThat(proposed.body()).doesNotContain("TESTMARK");
    Task approval = engine.getTaskService().createTaskQuery()
        .taskId(json.readTree(proposed.body()).path("approval").path("taskId").asText()).singleResult();
    submitOk(approval, basic("pd.nrs-coordinators", PASSWORD), Map.of(md.nrs.referral.caseexit.CaseExitProcess.EXIT_DECISION.name(), "approve"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
        .as("the case has ended").isZero();

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from nrs_outbox where case_code = ? and step = ?", Long.class, code,
        Elements.TELL_AGENCIES_CASE_ENDED)).isEqualTo(1);
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(11)
  void aTransferRequestedAndAcceptedOverRestLeavesNoPersonalValueAnywhere(CapturedOutput output) throws Exception {
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    submitOk(caseTask(instance), http.login("tasklist", "pd.iom", PASSWORD), consentWithPerson(List.of("iom",
        "mdt-chisinau")));

    // a stray free text naming the person is not part of the request: it is read nowhere and stored nowhere
    Response requested = http.post("/api/cases/" + code + "/transfers", basic("pd.iom", PASSWORD),
        "{\"toTeam\":\"mdt-chisinau\",\"reason\":\"returned-home\",\"note\":\"Zorina Plamadeala-TESTMARK is home\"}");
    assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
    assertThat(requested.body()).doesNotContain("TESTMARK");
    Task acceptance = engine.getTaskService().createTaskQuery()
        .taskId(json.readTree(requested.body()).path("decision").path("taskId").asText()).singleResult();
    submitOk(acceptance, basic("pd.mdt-chisinau", PASSWORD),
        Map.of(md.nrs.referral.custody.CaseTransferProcess.TRANSFER_DECISION.name(), "accept"));
    Response view = http.get("/api/cases/" + code, basic("pd.mdt-chisinau", PASSWORD));
    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    assertThat(json.readTree(view.body()).path("custody").get(0).path("toTeam").asText()).isEqualTo("mdt-chisinau");

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    assertThat(scanTable("NRS_CASE_CUSTODY")).isEmpty();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(12)
  void aReopeningOverRestLeavesNoPersonalValueAnywhereAndIsRefusedAfterAnonymisation(CapturedOutput output)
      throws Exception {
    Response anonymised = http.post("/api/cases/" + closedCase + "/reopenings", basic("pd.iom", PASSWORD),
        "{\"reason\":\"asked-for-help-again\"}");
    assertThat(anonymised.status()).as(anonymised.toString()).isEqualTo(409);
    assertThat(anonymised.body()).contains("was anonymised after its retention period and cannot be reopened");

    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    submitOk(caseTask(instance), http.login("tasklist", "pd.iom", PASSWORD), consentWithPerson(List.of("iom")));
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(instance).correlate(); // the case ends; the person asks for help again later

    // a stray free text naming the person is not part of the request: it is read nowhere and stored nowhere
    Response reopened = http.post("/api/cases/" + code + "/reopenings", basic("pd.iom", PASSWORD),
        "{\"reason\":\"asked-for-help-again\",\"note\":\"Zorina Plamadeala-TESTMARK called again\"}");
    assertThat(reopened.status()).as(reopened.toString()).isEqualTo(201);
    assertThat(reopened.body()).doesNotContain("TESTMARK");
    assertThat(http.get("/api/cases/" + code, basic("pd.iom", PASSWORD)).body()).as("not shown before consent again")
        .doesNotContain("Zorina");

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(14)
  void aDependantAddedOverRestKeepsTheirPersonInTheVaultAndLeavesNoPersonalValueAnywhere(CapturedOutput output)
      throws Exception {
    String code = register("la-strada");
    Response added = http.post("/api/cases/" + code + "/dependants", basic("pd.iom", PASSWORD), """
        {"relation": "child", "ageBand": "3-6", "sex": "female", "person": {"givenName": "Zorina",
         "familyName": "Plamadeala-TESTMARK", "dateOfBirth": "2021-05-02", "familyContact": "zorina.p@example.org"}}""");
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String dependant = json.readTree(added.body()).path("caseCode").asText();
    assertThat(added.body()).doesNotContain("TESTMARK", "Zorina");
    assertThat(vault.holds(dependant)).as("the dependant's person is in the vault under their own code").isTrue();
    assertThat(vault.holds(code)).as("not under the case's").isFalse();
    // read by a coordinator: the team's own view waits for the person's consent (the case view's rules)
    assertThat(http.get("/api/cases/" + code, basic("pd.nrs-coordinators", PASSWORD)).body()).contains(dependant)
        .doesNotContain("TESTMARK");

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(13)
  void theJusticePathWithConsentToInformThePoliceLeavesNoPersonalValueAnywhere(CapturedOutput output) throws Exception {
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), identification());
    Map<String, Object> consent = new java.util.LinkedHashMap<>(consentWithPerson(List.of("iom", "cctp")));
    consent.put(NrsCaseProcess.INFORM_LAW_ENFORCEMENT.name(), true);
    submitOk(caseTask(instance), http.login("tasklist", "pd.iom", PASSWORD), consent);
    String justice = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CriminalJusticeProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
    // nothing goes to the police during the recovery and reflection period: an operator ends the wait
    Job periodOver = engine.getManagementService().createJobQuery().processInstanceId(justice)
        .activityId(CriminalJusticeProcess.Elements.REFLECTION_PERIOD_OVER).singleResult();
    assertThat(http.post("/engine-rest/job/" + periodOver.getId() + "/execute", basic("pd.operator", PASSWORD), "").status())
        .isEqualTo(204);

    // the police answer over REST; the supporting agency (IOM, which recorded the consent) follows a hearing and the
    // outcome; an operator fires the hearing's timers; the state compensation is paid
    submitOk(justiceTask(justice), basic("pd.cctp", PASSWORD), Map.of(CriminalJusticeProcess.CRIMINAL_CASE_OPENED.name(), true,
        CriminalJusticeProcess.CRIMINAL_CASE_NUMBER.name(), "2026/0417-CCTP"));
    submitOk(justiceTask(justice), basic("pd.iom", PASSWORD), Map.of(CriminalJusticeProcess.LAWYER_ASSIGNED.name(), true,
        CriminalJusticeProcess.PROCEEDINGS_NEXT.name(), CriminalJusticeProcess.NEXT_HEARING,
        CriminalJusticeProcess.HEARING_DATE.name(), LocalDate.now(PlatformClock.zone()).plusDays(14).toString()));
    for (String timer : List.of(CriminalJusticeProcess.Elements.HEARING_REMINDER, CriminalJusticeProcess.Elements.HEARING_DAY)) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(justice).activityId(timer).singleResult();
      Response fired = http.post("/engine-rest/job/" + job.getId() + "/execute", basic("pd.operator", PASSWORD), "");
      assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
    }
    submitOk(justiceTask(justice), basic("pd.iom", PASSWORD), Map.of(CriminalJusticeProcess.LAWYER_ASSIGNED.name(), true,
        CriminalJusticeProcess.PROCEEDINGS_NEXT.name(), CriminalJusticeProcess.NEXT_OUTCOME,
        CriminalJusticeProcess.PROCEEDINGS_OUTCOME.name(), "conviction", CriminalJusticeProcess.COMPENSATION_CLAIMED.name(), "state"));
    submitOk(justiceTask(justice), basic("pd.iom", PASSWORD), Map.of(CriminalJusticeProcess.COMPENSATION_STATUS.name(), "paid"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(justice).singleResult()
        .getEndActivityId()).isEqualTo(CriminalJusticeProcess.Elements.COMPENSATION_PAID);
    assertThat(jdbc.queryForList("select step from nrs_outbox where case_code = ? and agency_id = 'cctp'", String.class, code))
        .containsExactly(CriminalJusticeProcess.Elements.POLICE_ANSWER);

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(14)
  void aChildsLegalRepresentativeGoesToTheVaultOnlyAndIsShownOnlyWithALegalDutyOrConsent(CapturedOutput output)
      throws Exception {
    Map<String, Object> form = FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null, "trafficking",
        "unknown", false, "female", false, "Found alone at the station"));
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic("pd.mdt-chisinau", PASSWORD), formSubmission(form));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String code = json.readTree(started.body()).get("businessKey").asText();
    Credentials authority = basic("pd.guardianship-chisinau", PASSWORD);
    submitOk(guardianshipTask(code), authority, FormSubmission.of(new AssessChildSituationForm("separated", "medium", false, null)));
    submitOk(guardianshipTask(code), authority, FormSubmission.of(new AssessAgeForm(ChildProtectionProcess.FOUND_CHILD,
        "forensic-medical-examiner", LocalDate.now(PlatformClock.zone()))));
    Task appointment = guardianshipTask(code);
    Response asVariable = http.put("/engine-rest/task/" + appointment.getId() + "/variables/representativeName", authority,
        "{\"value\": \"Vasile TESTMARK-Rep\", \"type\": \"String\"}");
    assertThat(asVariable.status()).as("the representative's name as a process variable: " + asVariable).isEqualTo(400);
    submitOk(appointment, authority, FormSubmission.of(new AppointRepresentativeForm("parent", false, "Vasile TESTMARK-Rep",
        "+373 60 777 319, str. TESTMARK 3")));

    assertThat(http.get("/api/cases/" + code, authority).body()).contains("Vasile TESTMARK-Rep", "+373 60 777 319");
    assertThat(http.get("/api/cases/" + code, basic("pd.nrs-coordinators", PASSWORD)).body()).contains("Vasile TESTMARK-Rep");
    Response police = http.get("/api/cases/" + code, basic("pd.gpi", PASSWORD));
    assertThat(police.status()).isEqualTo(403);
    assertThat(police.body()).doesNotContain("TESTMARK", "60 777 319");
    Response manager = http.get("/api/cases/" + code, basic("pd.manager", PASSWORD));
    assertThat(manager.body()).as("managers never see personal data").doesNotContain("TESTMARK", "60 777 319");
    Map<String, Object> row = jdbc.queryForMap("select * from nrs_representative where case_code = ?", code);
    assertThat(row.get("KEY_ID")).isEqualTo(privacy.activeKey());
    assertThat(jdbc.queryForList("select actor, outcome from nrs_audit where action = 'PERSONAL_DATA_READ' and case_code = ?"
        + " and subject = 'representative' order by seq", code)).extracting(r -> r.get("ACTOR") + " " + r.get("OUTCOME"))
        .contains("pd.guardianship-chisinau OK", "pd.nrs-coordinators OK", "pd.gpi REFUSED");

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  @Test
  @Order(15)
  void aForeignVictimReturnedHomeAndAnOutboundOutcomeLeaveNoPersonalValueAnywhere(CapturedOutput output) throws Exception {
    TestUsers.ensure(engine, "pd.veritas", PASSWORD, "veritas");
    String code = register("la-strada");
    String instance = instanceOf(code);
    submitOk(caseTask(instance), basic("pd.iom", PASSWORD), FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()),
        List.of("deception"), List.of("labour"), "identified-victim", null, null, "UA", "uk", true)));
    Map<String, Object> consent = new java.util.LinkedHashMap<>(consentWithPerson(List.of("iom", "veritas")));
    consent.put(NrsCaseProcess.INFORM_PARTNER_ABROAD.name(), true);
    submitOk(caseTask(instance), http.login("tasklist", "pd.iom", PASSWORD), consent);

    // the foreign-victim path: stay right granted, the person wishes to return, IOM organises it with Veritas
    String foreign = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ForeignVictimProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
    submitOk(onlyTask(foreign, ForeignVictimProcess.Elements.PROVISIONAL_STAY), basic("pd.iom", PASSWORD),
        FormSubmission.of(new ApplyForProvisionalStayForm("granted", LocalDate.now(PlatformClock.zone()), null)));
    submitOk(onlyTask(foreign, ForeignVictimProcess.Elements.RETURN_OR_STAY), basic("pd.iom", PASSWORD),
        FormSubmission.of(new AssessReturnOrStayForm("low", "return", null)));
    submitOk(onlyTask(foreign, ForeignVictimProcess.Elements.ASSISTED_RETURN), basic("pd.iom", PASSWORD),
        FormSubmission.of(new OrganiseAssistedReturnForm("veritas", LocalDate.now(PlatformClock.zone()).plusDays(7), null)));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(foreign).singleResult()
        .getEndActivityId()).isEqualTo(ForeignVictimProcess.Elements.RETURNED);

    // an outbound referral to Veritas, accepted, its outcome recorded
    Response started = http.post("/engine-rest/process-definition/key/" + OutboundReferralProcess.KEY + "/submit-form",
        basic("pd.iom", PASSWORD), formSubmission(Map.of(OutboundReferralProcess.CASE_CODE.name(), code,
            OutboundReferralProcess.PARTNER_AGENCY.name(), "veritas",
            OutboundReferralProcess.ASSISTANCE_NEEDED.name(), List.of("shelter"))));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String outbound = json.readTree(started.body()).get("id").asText();
    submitOk(onlyTask(outbound, OutboundReferralProcess.Elements.PARTNER_ANSWER), basic("pd.veritas", PASSWORD),
        Map.of(OutboundReferralProcess.PARTNER_ANSWER.name(), "accept"));
    submitOk(onlyTask(outbound, OutboundReferralProcess.Elements.RECORD_PARTNER_OUTCOME), basic("pd.veritas", PASSWORD),
        Map.of(OutboundReferralProcess.PARTNER_OUTCOME.name(), "assisted"));
    assertThat(jdbc.queryForList("select step from nrs_outbox where case_code = ? and agency_id = 'veritas' order by id",
        String.class, code)).contains(ForeignVictimProcess.Elements.TELL_ORIGIN_PARTNER,
        OutboundReferralProcess.Elements.PARTNER_ANSWER);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(outbound).singleResult()
        .getEndActivityId()).isEqualTo(OutboundReferralProcess.Elements.OUTCOME_RECORDED);

    assertThat(scanEveryTable()).as("personal values in database tables (table -> columns)").isEmpty();
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }

  private Task guardianshipTask(String code) {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup("guardianship-chisinau")
        .processVariableValueEquals(NrsCaseProcess.CASE_CODE.name(), code).singleResult();
  }

  private Task onlyTask(String instance, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).singleResult();
  }

  private Task justiceTask(String justice) {
    return engine.getTaskService().createTaskQuery().processInstanceId(justice).singleResult();
  }

  // --- the case path

  private String register(String agency) {
    Map<String, Object> form = FormSubmission.of(new RegisterReferralForm("hotline-la-strada", "abroad",
        "Russian Federation", "trafficking", "18+", false, "female", false, "Called the hotline"));
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic("pd." + agency, PASSWORD), formSubmission(form));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    try {
      return json.readTree(started.body()).get("businessKey").asText();
    } catch (Exception e) {
      throw new AssertionError(started.toString(), e);
    }
  }

  private static Map<String, Object> identification() {
    return FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null));
  }

  private static Map<String, Object> consentWithPerson(List<String> shareWith) {
    return FormSubmission.of(new InformedConsentForm(true, "given", shareWith, false, false,
        null, "Zorina", "Plamadeala-TESTMARK", LocalDate.of(1999, 3, 17), "+373 69 918 273", "zorina.p@example.org",
        "str. TESTMARK 12, Balti", "passport", "TESTMARK-DOC-778", "Mother, TESTMARK-FAMILY 069000000"));
  }

  private String notify(String code, String agency, String step) {
    return transaction.execute(s -> notifications.notify(new AgencyNotification(agency, code, step,
        "Answer the service referral", null, null)));
  }

  private String instanceOf(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
  }

  private Task caseTask(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN,
            Elements.PROPOSE_CLOSURE, Elements.APPROVE_CLOSURE).singleResult();
  }

  private void submitOk(Task task, Credentials who, Map<String, Object> form) {
    Response response = submit(task, who, form);
    assertThat(response.status()).as(task.getTaskDefinitionKey() + ": " + response).isEqualTo(204);
  }

  private Response submit(Task task, Credentials who, Map<String, Object> form) {
    String path = who instanceof PlatformHttp.WebappSession
        ? "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"
        : "/engine-rest/task/" + task.getId() + "/submit-form";
    return http.post(path, who, formSubmission(form));
  }


  // --- scanning

  /** Every table of the database, every column, every row: where a personal value appears. */
  private Map<String, List<String>> scanEveryTable() throws Exception {
    Map<String, List<String>> found = scan().everyTable();
    assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'PUBLIC'",
        String.class)).contains("ACT_HI_DETAIL", "ACT_HI_VARINST", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY", "NRS_OUTBOX",
        "NRS_PERSON", "NRS_AUDIT", "NRS_CONSENT");
    assertThat(scan().tables()).as("the scan reads the engine's tables too").contains("ACT_HI_VARINST", "NRS_OUTBOX");
    return found;
  }

  private List<String> scanTable(String table) throws Exception {
    return scan().table(table);
  }

  private PersonalValueScan scan() {
    return new PersonalValueScan(dataSource, MARKERS);
  }

  /** The called processes' tasks done over REST by a member of the task's group; timers fired by an operator. */
  private final class OverRest extends CaseAutopilot {

    OverRest() {
      super(PersonalDataOverRestTest.this.engine);
    }

    @Override
    protected void complete(Task task, Map<String, Object> answer) {
      List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
      assertThat(GROUPS).as("a member of " + groups).contains(groups.get(0));
      submitOk(task, basic("pd." + groups.get(0), PASSWORD), answer);
    }

    @Override
    protected void fireTimer(Job job) {
      Response fired = http.post("/engine-rest/job/" + job.getId() + "/execute", basic("pd.operator", PASSWORD), "");
      assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
    }
  }
}
