package md.nrs.referral.dependants;

import static md.nrs.referral.testing.ApiProblems.assertProblem;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PersonalValueScan;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Family members and dependants over real HTTP ({@code POST /api/cases/{code}/dependants}, issue 15 item 5): the team
 * responsible for the case adds a child travelling with the person — a case of the child's own, linked, that takes the
 * child path (a child, the guardianship authority alerted, the child's own consent step), the person only in the vault
 * under the child's code, the link in both case views as codes only; bad input is a 400 naming the field, a team
 * without a part a 403 like an unknown code, an ended case a 409, and nothing changes. The same from Tasklist's start
 * form "Add a family member to a case" ({@code add-dependant}), as Tasklist submits it: the child's case code comes
 * back as the start's business key, the name only in the vault (found nowhere else in the database), and a refusal
 * is a 400 at the form's field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependantsOverHttpTest {

  private static final String PASSWORD = "Test#Dependants-2026";
  private static final Credentials CHISINAU = basic("dp.chisinau", PASSWORD);
  private static final Credentials LA_STRADA = basic("dp.lastrada", PASSWORD);
  private static final Credentials COORDINATOR = basic("dp.coordinator", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxRepository outbox;
  @Autowired PersonalDataVault vault;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;
  PlatformHttp http;
  CasesOnTheirWay cases;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    cases = new CasesOnTheirWay(engine);
    TestUsers.ensure(engine, "dp.chisinau", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "dp.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "dp.coordinator", PASSWORD, "nrs-coordinators");
  }

  @Test
  void aChildTravellingWithThePersonBecomesALinkedCaseOfItsOwnOnTheChildPath() throws Exception {
    String code = cases.refer(false).getBusinessKey();

    Response added = add(code, CHISINAU, """
        {"relation": "child", "ageBand": "3-6", "sex": "male", "person": {"givenName": "Dependant", "familyName": "Child"}}""");

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(added.body());
    String child = answer.path("caseCode").asText();
    assertThat(child).matches("NRS-\\d{4}-\\d{6,}").isNotEqualTo(code);
    assertThat(added.header("Location")).isEqualTo("/api/cases/" + child);
    assertThat(answer.path("dependantOf").asText()).isEqualTo(code);
    assertThat(answer.path("minor").asBoolean()).isTrue();
    assertThat(answer.path("pathway").asText()).isEqualTo("child");
    ProcessInstance childCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(child).singleResult();
    assertThat(childCase).as("a case of the child's own").isNotNull();
    assertThat(outbox.findByCaseCodeOrderByIdAsc(child)).extracting(OutboxEntry::getStep)
        .as("the guardianship authority is alerted").contains(NrsCaseProcess.Elements.ALERT_GUARDIANSHIP);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(childCase.getId())
        .taskDefinitionKey(NrsCaseProcess.Elements.IDENTIFICATION).count()).as("identified and asked consent on its own")
        .isEqualTo(1);
    assertThat(vault.holds(child)).isTrue();
    assertThat(vault.holds(code)).isFalse();

    JsonNode view = json.readTree(http.get("/api/cases/" + code, COORDINATOR).body());
    assertThat(view.path("dependants").get(0).path("caseCode").asText()).isEqualTo(child);
    assertThat(view.path("dependants").get(0).path("relation").asText()).isEqualTo("child");
    JsonNode childView = json.readTree(http.get("/api/cases/" + child, COORDINATOR).body());
    assertThat(childView.path("dependantOf").path("caseCode").asText()).isEqualTo(code);
    assertThat(audited(code, "OK")).isEqualTo(1);
  }

  @Test
  void aFamilyMemberAlsoExploitedIsAnAdultsCaseAddedByACoordinator() throws Exception {
    String code = cases.refer(false).getBusinessKey();

    Response added = add(code, COORDINATOR, "{\"relation\": \"family-member\", \"ageBand\": \"18+\", \"sex\": \"female\"}");

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(json.readTree(added.body()).path("pathway").asText()).isEqualTo("adult");
    assertThat(json.readTree(added.body()).path("responsibleTeam").asText()).isEqualTo("mdt-chisinau");
  }

  @Test
  void badInputIsA400NamingTheFieldAndStrangersAndEndedCasesAreRefusedAndNothingChanges() throws Exception {
    String open = cases.refer(false).getBusinessKey();
    ProcessInstance ending = cases.refer(false);
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(ending.getId()).correlate();
    long cases = caseCount();
    long links = links();

    assertProblem(add(open, CHISINAU, "{\"ageBand\": \"3-6\", \"sex\": \"male\"}"), 400, "relation", "say how");
    assertProblem(add(open, CHISINAU, "{\"relation\": \"cousin\", \"ageBand\": \"3-6\", \"sex\": \"male\"}"), 400,
        "relation", "must be one of");
    assertProblem(add(open, CHISINAU, "{\"relation\": \"child\", \"ageBand\": \"18+\", \"sex\": \"male\"}"), 400,
        "ageBand", "under 18");
    assertProblem(add(open, CHISINAU, "{\"relation\": \"child\", \"ageBand\": \"3-6\", \"sex\": \"x\"}"), 400, "sex",
        "must be one of");
    assertProblem(add(open, CHISINAU, """
        {"relation": "child", "ageBand": "3-6", "sex": "male", "person": {"dateOfBirth": "2999-01-01"}}"""), 400,
        "person.dateOfBirth", "in the past");
    assertProblem(add(open, LA_STRADA, "{\"relation\": \"child\", \"ageBand\": \"3-6\", \"sex\": \"male\"}"), 403, null,
        "no part in case " + open);
    assertThat(add("NRS-2026-987654321", LA_STRADA, "{\"relation\": \"child\", \"ageBand\": \"3-6\", \"sex\": \"male\"}")
        .status()).as("no oracle of codes").isEqualTo(403);
    assertProblem(add(ending.getBusinessKey(), CHISINAU, "{\"relation\": \"child\", \"ageBand\": \"3-6\", \"sex\": \"male\"}"),
        409, "code", "has ended");
    assertProblem(add("not-a-code", CHISINAU, "{\"relation\": \"child\"}"), 400, "code", "must be a case code");

    assertThat(caseCount()).isEqualTo(cases);
    assertThat(links()).isEqualTo(links);
  }

  @Test
  void fromTasklistTheTeamAddsAChildWhoseNameGoesOnlyToTheVaultAndSeesTheChildsCaseCode() throws Exception {
    String code = cases.refer(false).getBusinessKey();
    String marker = "Dpmarker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    // as Tasklist submits it: the webapps' own engine API, with the login session
    Response started = addInTasklist(http.login("tasklist", "dp.chisinau", PASSWORD), new AddDependantForm(code, "child", "3-6", "male", false, marker,
        "Tasklistchild", LocalDate.of(2021, 5, 4)));

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String child = json.readTree(started.body()).path("businessKey").asText();
    assertThat(child).matches("NRS-\\d{4}-\\d{6,}").isNotEqualTo(code);
    assertThat(started.body()).doesNotContain(marker);
    ProcessInstance childCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(child).singleResult();
    assertThat(engine.getRuntimeService().getVariable(childCase.getId(), NrsCaseProcess.PATHWAY.name())).isEqualTo("child");
    assertThat(vault.holds(child)).as("the name is kept under the child's own code").isTrue();
    JsonNode view = json.readTree(http.get("/api/cases/" + code, COORDINATOR).body());
    assertThat(view.path("dependants").toString()).contains(child);
    assertThat(new PersonalValueScan(dataSource, List.of(marker)).everyTable())
        .as("no process variable, history, audit or outbox row holds the name").isEmpty();
    assertThat(audited(code, "OK")).isEqualTo(1);
  }

  @Test
  void fromTasklistAnotherAgencyAnUnknownCodeAndABadAgeBandAreRefusedAtTheirFieldAndNothingChanges() throws Exception {
    String code = cases.refer(false).getBusinessKey();
    String unknown = "NRS-2026-987654322";
    long cases = caseCount();
    long links = links();

    Response notMine = addInTasklist(LA_STRADA, new AddDependantForm(code, "child", "3-6", "male"));
    Response noSuchCase = addInTasklist(LA_STRADA, new AddDependantForm(unknown, "child", "3-6", "male"));
    Response adultChild = addInTasklist(CHISINAU, new AddDependantForm(code, "child", "18+", "male"));
    Response noSuchBand = addInTasklist(CHISINAU, new AddDependantForm(code, "child", "99", "male"));
    Response bornTomorrow = addInTasklist(CHISINAU, new AddDependantForm(code, "child", "0-2", "male", false, null, null,
        LocalDate.now(PlatformClock.zone()).plusDays(1)));

    assertProblem(notMine, 400, AddDependantProcess.CASE_CODE.name(), "no part in case " + code);
    assertThat(noSuchCase.body().replace(unknown, "CODE")).as("no oracle").isEqualTo(notMine.body().replace(code, "CODE"));
    assertProblem(adultChild, 400, AddDependantProcess.AGE_BAND.name(), "under 18");
    assertProblem(noSuchBand, 400, AddDependantProcess.AGE_BAND.name(), "ageBand");
    assertProblem(bornTomorrow, 400, "personDateOfBirth", "in the past");
    assertThat(caseCount()).isEqualTo(cases);
    assertThat(links()).isEqualTo(links);
  }

  // --- helpers

  /** The start form "Add a family member to a case" as Tasklist (a login session) or a program (/engine-rest) submits it. */
  private Response addInTasklist(Credentials who, AddDependantForm form) {
    String api = who instanceof PlatformHttp.WebappSession ? "/camunda/api/engine/engine/default" : "/engine-rest";
    return http.post(api + "/process-definition/key/" + AddDependantProcess.KEY + "/submit-form", who,
        PlatformHttp.formSubmission(FormSubmission.of(form)));
  }

  private Response add(String code, Credentials who, String body) {
    return http.post("/api/cases/" + code + "/dependants", who, body);
  }


  private long caseCount() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count();
  }

  private long links() {
    return jdbc.queryForObject("select count(*) from nrs_case_dependant", Long.class);
  }

  private long audited(String code, String outcome) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = 'DEPENDANT_ADDED' and case_code = ? "
        + "and outcome = ?", Long.class, code, outcome);
  }
}
