package md.nrs.referral.persons;

import static md.nrs.referral.casepath.NrsCaseProcess.VICTIM_STATUS;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.analytics.Period;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.PrivacyProperties;
import md.nrs.referral.privacy.vault.KeyRing;
import md.nrs.referral.privacy.vault.KeyRotation;
import md.nrs.referral.statistics.NationalStatistics;
import md.nrs.referral.statistics.StatisticsReport;
import md.nrs.referral.testing.PersonalValueScan;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same person referred twice (issue 15, items 4 and 8), through the running platform (H2 and PostgreSQL): two agencies
 * refer one woman under their own references, the blind index raises exactly one "possible duplicate" for the
 * NRS coordinators (case codes only), a coordinator links the cases and the statistics count one person and
 * two referrals; "not the same" is remembered and counted twice; the consent form raises the question too;
 * bad decisions change nothing; no name, birth date or document number reaches any other table or the logs;
 * key rotation re-computes the index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class SamePersonContract {

  private static final String PASSWORD = "Test#Same-2026";
  /** Recognisable personal values: none may appear anywhere but sealed in the vault. */
  private static final List<String> MARKERS = List.of("Zinaida", "SPMARK", "1998-07-14", "AB 1234567", "AB1234567",
      "SPDOC", "Valentina", "1987-02-03", "Emilia");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired NationalStatistics statistics;
  @Autowired PersonalDataVault vault;
  @Autowired KeyRotation rotation;
  @Autowired PrivacyProperties privacy;
  @Autowired TransactionTemplate transaction;
  @LocalServerPort int port;
  PlatformHttp http;

  String laStradaCase;
  String policeCase;
  String notSameFirst;
  String notSameSecond;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "sp.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "sp.cctp", PASSWORD, "cctp", "caseworkers");
    TestUsers.ensure(engine, "sp.coordinator", PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "sp.manager", PASSWORD, "managers");
    TestUsers.ensure(engine, "sp.secretariat", PASSWORD, "permanent-secretariat");
  }

  @Test
  @Order(1)
  void twoAgenciesReferringTheSamePersonRaiseExactlyOnePossibleDuplicateWithCaseCodesOnly(CapturedOutput output) throws Exception {
    laStradaCase = refer("sp.lastrada", "LS-SP-0001", """
        {"givenName": "Zinaida", "familyName": "Ciobanu-SPMARK", "dateOfBirth": "1998-07-14",
         "documentType": "passport", "documentNumber": "AB 1234567"}""");
    // the police write the names in capitals, without the hyphen, and have no document
    policeCase = refer("sp.cctp", "CCTP-SP-77", """
        {"givenName": "ZINAIDA", "familyName": "ciobanu  spmark", "dateOfBirth": "1998-07-14"}""");
    // the same referral again is not a new case, and raises nothing new
    assertThat(http.post("/api/referrals", basic("sp.cctp", PASSWORD), referral("CCTP-SP-77", """
        {"givenName": "ZINAIDA", "familyName": "ciobanu  spmark", "dateOfBirth": "1998-07-14"}""")).status()).isEqualTo(200);

    List<HistoricProcessInstance> flags = flags();
    assertThat(flags).hasSize(1);
    assertThat(flags.get(0).getBusinessKey()).isEqualTo(policeCase);
    Map<String, Object> variables = variablesOf(flags.get(0).getId());
    assertThat(variables).containsOnly(
        Map.entry(PossibleDuplicateProcess.CASE_CODE.name(), policeCase),
        Map.entry(PossibleDuplicateProcess.DUPLICATE_OF.name(), laStradaCase),
        Map.entry(PossibleDuplicateProcess.MATCHED_ON.name(), "name-birth"));

    Task task = openFlagTask(policeCase);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("nrs-coordinators");
    assertThat(task.getDueDate()).as("a due date from sla-durations.dmn").isNotNull();
    // the referring agencies do not see the question
    Response asLaStrada = http.get("/engine-rest/task?maxResults=50&processDefinitionKey=" + PossibleDuplicateProcess.KEY,
        basic("sp.lastrada", PASSWORD));
    assertThat(json.readTree(asLaStrada.body())).isEmpty();
    Response asCoordinator = http.get("/engine-rest/task?maxResults=50&processDefinitionKey=" + PossibleDuplicateProcess.KEY,
        basic("sp.coordinator", PASSWORD));
    assertThat(json.readTree(asCoordinator.body())).hasSize(1);
    assertNoPersonalValueIn(output);
  }

  @Test
  @Order(2)
  void theCoordinatorLinksThemAndTheStatisticsCountOnePersonAndTwoReferrals() throws Exception {
    Response before = http.get("/api/cases/" + policeCase + "/same-person", basic("sp.coordinator", PASSWORD));
    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    JsonNode asked = json.readTree(before.body());
    assertThat(asked.get("linkedCases")).hasSize(1);
    assertThat(asked.at("/possibleDuplicates/0/status").asText()).isEqualTo("open");

    Response linked = http.post("/api/cases/" + laStradaCase + "/same-person", basic("sp.coordinator", PASSWORD),
        decision(policeCase, PossibleDuplicateProcess.SAME_PERSON));

    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    JsonNode person = json.readTree(linked.body());
    assertThat(person.get("personId").asText()).isNotBlank();
    assertThat(person.get("linkedCases")).extracting(JsonNode::asText).containsExactly(sorted(laStradaCase, policeCase));
    // decided through the coordinators' task: the process history shows it
    HistoricProcessInstance flag = flags().get(0);
    assertThat(flag.getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(flag.getId())
        .activityId(PossibleDuplicateProcess.Elements.CASES_LINKED).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where action = 'DUPLICATE_DECIDED' and actor = ?",
        Long.class, "sp.coordinator")).isEqualTo(1);

    StatisticsReport report = statistics.compute(thisYear());
    assertThat(report.table("referrals").total()).isEqualTo(2);
    assertThat(report.table("referred-persons").total()).isEqualTo(1);
    assertThat(report.table("referred-by-sex").total()).as("every persons table counts her once").isEqualTo(1);

    Response published = http.get("/api/statistics/national.json?year=" + LocalDate.now(PlatformClock.zone()).getYear(),
        basic("sp.secretariat", PASSWORD));
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    JsonNode tables = json.readTree(published.body()).get("tables");
    assertThat(table(tables, "referrals").get("unit").asText()).isEqualTo("cases");
    assertThat(table(tables, "referred-persons").get("unit").asText()).isEqualTo("persons");
    assertThat(table(tables, "referred-by-sex").get("counted").asText()).startsWith("persons");
    assertThat(table(tables, "referrals").at("/cells/cases").asText()).as("small cells stay suppressed").isEqualTo("<5");
    assertThat(http.get("/api/statistics/national.html?year=" + LocalDate.now(PlatformClock.zone()).getYear(),
        basic("sp.secretariat", PASSWORD)).body()).contains("Counted: persons (cases a coordinator linked");
  }

  @Test
  @Order(3)
  void notTheSamePersonIsRememberedNeverAskedAgainAndCountedTwice(CapturedOutput output) throws Exception {
    notSameFirst = refer("sp.lastrada", "LS-SP-0002", """
        {"givenName": "Valentina", "familyName": "Rotaru", "dateOfBirth": "1987-02-03",
         "documentType": "identity-card", "documentNumber": "SPDOC-5555"}""");
    // another woman whose card number was copied with the same digits
    notSameSecond = refer("sp.cctp", "CCTP-SP-78", """
        {"givenName": "Emilia", "familyName": "Lungu", "dateOfBirth": "1990-11-30",
         "documentType": "identity-card", "documentNumber": "spdoc 5555"}""");
    refer("sp.cctp", "CCTP-SP-79", """
        {"givenName": "Emilia", "familyName": "Cojocaru", "dateOfBirth": "1979-05-06"}""");
    assertThat(flags()).as("one more question, for the document number only").hasSize(2);
    Task task = openFlagTask(notSameSecond);
    assertThat(variablesOf(task.getProcessInstanceId())).containsEntry(PossibleDuplicateProcess.MATCHED_ON.name(), "document");

    Response answered = http.post("/engine-rest/task/" + task.getId() + "/submit-form", basic("sp.coordinator", PASSWORD),
        formSubmission(Map.of(PossibleDuplicateProcess.DECISION.name(), PossibleDuplicateProcess.NOT_SAME,
            PossibleDuplicateProcess.DECISION_NOTE.name(), "different birth dates in the case files")));
    assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).activityId(PossibleDuplicateProcess.Elements.NOT_THE_SAME_PERSON)
        .count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select status from nrs_duplicate_pair where case_code = ? and other_case_code = ?",
        String.class, sorted(notSameFirst, notSameSecond)[0], sorted(notSameFirst, notSameSecond)[1])).isEqualTo("not-same");

    // recorded again (a corrected record): not asked again
    vault.store(notSameSecond, new PersonRecord("Emilia", "Lungu", LocalDate.of(1990, 11, 30), "female", null, null, null,
        "identity-card", "SPDOC 5555", null), "sp.cctp", "cctp");
    assertThat(flags()).hasSize(2);

    StatisticsReport report = statistics.compute(thisYear());
    assertThat(report.table("referrals").total()).isEqualTo(5);
    assertThat(report.table("referred-persons").total()).isEqualTo(4);
    assertNoPersonalValueIn(output);
  }

  @Test
  @Order(4)
  void recordingThePersonWithTheConsentFormRaisesTheQuestionToo(CapturedOutput output) throws Exception {
    String code = refer("sp.lastrada", "LS-SP-0003", null);
    assertThat(flags()).hasSize(2);
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
    submitAsItsTeam(caseTask(instance), FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()),
        List.of("deception"), List.of("labour"), "presumed-victim", null, null)));
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("informationGiven", true);
    consent.put("consentToAssistance", "given");
    consent.put("shareWithAgencies", List.of("la-strada"));
    consent.put("informLawEnforcement", false);
    consent.put("personGivenName", "Zinaida");
    consent.put("personFamilyName", "Ciobanu SPMARK");
    consent.put("personDateOfBirth", "1998-07-14");
    consent.put("personDocumentType", "passport");
    consent.put("personDocumentNumber", "AB1234567");
    submitAsItsTeam(caseTask(instance), consent);

    assertThat(flags()).as("one question for the linked person, not one per case").hasSize(3);
    Task task = openFlagTask(code);
    assertThat(variablesOf(task.getProcessInstanceId()))
        .containsEntry(PossibleDuplicateProcess.DUPLICATE_OF.name(), sorted(laStradaCase, policeCase)[0])
        .containsEntry(PossibleDuplicateProcess.MATCHED_ON.name(), "document,name-birth");
    assertNoPersonalValueIn(output);
  }

  @Test
  @Order(5)
  void badDecisionsAreRefusedNamingTheProblemAndChangeNothing() throws Exception {
    Map<String, Long> before = rowCounts();

    Response itself = http.post("/api/cases/" + laStradaCase + "/same-person", basic("sp.coordinator", PASSWORD),
        decision(laStradaCase, PossibleDuplicateProcess.SAME_PERSON));
    assertThat(itself.status()).isEqualTo(400);
    assertThat(json.readTree(itself.body()).at("/fieldErrors/0/field").asText()).isEqualTo("otherCaseCode");
    assertThat(itself.body()).contains("cannot be linked with itself");

    Response unknown = http.post("/api/cases/" + laStradaCase + "/same-person", basic("sp.coordinator", PASSWORD),
        decision("NRS-2026-999999", PossibleDuplicateProcess.SAME_PERSON));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("otherCaseCode");
    assertThat(http.post("/api/cases/NRS-2026-999998/same-person", basic("sp.coordinator", PASSWORD),
        decision(laStradaCase, PossibleDuplicateProcess.SAME_PERSON)).status()).isEqualTo(404);

    Response wrongDecision = http.post("/api/cases/" + laStradaCase + "/same-person", basic("sp.coordinator", PASSWORD),
        decision(notSameFirst, "maybe"));
    assertThat(wrongDecision.status()).isEqualTo(400);
    assertThat(json.readTree(wrongDecision.body()).at("/fieldErrors/0/field").asText()).isEqualTo("decision");

    for (String notCoordinator : List.of("sp.lastrada", "sp.manager", "sp.secretariat")) {
      Response refused = http.post("/api/cases/" + laStradaCase + "/same-person", basic(notCoordinator, PASSWORD),
          decision(notSameFirst, PossibleDuplicateProcess.SAME_PERSON));
      assertThat(refused.status()).as(notCoordinator).isEqualTo(403);
      assertThat(http.get("/api/cases/" + laStradaCase + "/same-person", basic(notCoordinator, PASSWORD)).status())
          .isEqualTo(403);
    }

    Response contradicting = http.post("/api/cases/" + laStradaCase + "/same-person", basic("sp.coordinator", PASSWORD),
        decision(policeCase, PossibleDuplicateProcess.NOT_SAME));
    assertThat(contradicting.status()).isEqualTo(409);

    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  @Order(6)
  void noPersonalValueAndNoDigestOutsideTheVault() throws Exception {
    assertThat(new PersonalValueScan(dataSource, MARKERS).everyTable()).as("personal values (table -> columns)").isEmpty();
    List<String> digests = jdbc.queryForList("select digest from nrs_person_index", String.class);
    assertThat(digests).hasSizeGreaterThanOrEqualTo(6).allMatch(d -> d.matches("[0-9a-f]{64}"));
    PersonalValueScan digestScan = new PersonalValueScan(dataSource, digests);
    for (String table : digestScan.tables()) {
      if (!table.equalsIgnoreCase("nrs_person_index")) {
        assertThat(digestScan.table(table)).as("blind-index digests in " + table).isEmpty();
      }
    }
  }

  @Test
  @Order(7)
  void rotatingTheKeyReIndexesEveryPersonAndTheQuestionsStillMeet() {
    Map<String, String> before = digests();
    Map<String, String> keys = new LinkedHashMap<>(privacy.allKeys());
    keys.put("next-2027", Base64.getEncoder().encodeToString("another-key-of-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII)));

    rotation.rotate(new FieldCipher(new KeyRing(keys, "next-2027")), "test");

    assertThat(jdbc.queryForList("select distinct key_id from nrs_person_index", String.class)).containsExactly("next-2027");
    Map<String, String> rotated = digests();
    assertThat(rotated.keySet()).isEqualTo(before.keySet());
    assertThat(rotated).allSatisfy((row, digest) -> assertThat(digest).isNotEqualTo(before.get(row)));
    // equal values still meet under the new key
    assertThat(rotated.get(sorted(laStradaCase, policeCase)[0] + "/name-birth"))
        .isEqualTo(rotated.get(sorted(laStradaCase, policeCase)[1] + "/name-birth"));

    rotation.rotate(new FieldCipher(new KeyRing(keys, privacy.activeKey())), "test");
    assertThat(digests()).isEqualTo(before);
  }

  // --- helpers

  private String refer(String user, String reference, String person) throws Exception {
    Response response = http.post("/api/referrals", basic(user, PASSWORD), referral(reference, person));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return json.readTree(response.body()).get("caseCode").asText();
  }

  private static String referral(String reference, String person) {
    return """
        {"sourceReference": "%s", "channel": "ngo", "location": "moldova", "category": "trafficking",
         "minor": false, "sex": "female", "ageBand": "18+", "immediateDanger": false, "referralSummary": "Met at the bus station"%s}
        """.formatted(reference, person == null ? "" : ", \"person\": " + person);
  }

  private static String decision(String other, String decision) {
    return "{\"otherCaseCode\": \"" + other + "\", \"decision\": \"" + decision + "\"}";
  }

  private List<HistoricProcessInstance> flags() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PossibleDuplicateProcess.KEY)
        .orderByProcessInstanceStartTime().asc().list();
  }

  private Task openFlagTask(String caseCode) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(PossibleDuplicateProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
  }

  private Map<String, Object> variablesOf(String processInstanceId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  private Task caseTask(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKeyIn(NrsCaseProcess.Elements.IDENTIFICATION, NrsCaseProcess.Elements.CONSENT).singleResult();
  }

  /** Submitted over /engine-rest by a member of the team the task is for. */
  private void submitAsItsTeam(Task task, Map<String, Object> form) {
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    TestUsers.ensure(engine, "sp." + group, PASSWORD, group, "caseworkers");
    Response response = http.post("/engine-rest/task/" + task.getId() + "/submit-form", basic("sp." + group, PASSWORD),
        formSubmission(form));
    assertThat(response.status()).as(task.getTaskDefinitionKey() + ": " + response).isEqualTo(204);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("nrs_case_person", "nrs_duplicate_pair", "nrs_person_index", "act_ru_task", "act_hi_procinst")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("linked", jdbc.queryForObject("select count(distinct person_id) from nrs_case_person", Long.class));
    counts.put("decided", jdbc.queryForObject("select count(*) from nrs_duplicate_pair where status <> 'open'", Long.class));
    return counts;
  }

  private Map<String, String> digests() {
    Map<String, String> digests = new LinkedHashMap<>();
    jdbc.query("select case_code, kind, digest from nrs_person_index order by case_code, kind",
        rs -> {
          digests.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
        });
    return digests;
  }

  private static JsonNode table(JsonNode tables, String id) {
    for (JsonNode table : tables) {
      if (table.get("id").asText().equals(id)) {
        return table;
      }
    }
    throw new AssertionError("no table " + id);
  }

  private static Period thisYear() {
    int year = LocalDate.now(PlatformClock.zone()).getYear();
    return Period.ofDays(year + "-01-01", year + "-12-31", java.time.Instant.now());
  }

  private static String[] sorted(String a, String b) {
    return a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a};
  }

  private static void assertNoPersonalValueIn(CapturedOutput output) {
    for (String marker : MARKERS) {
      assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(marker);
    }
  }
}
