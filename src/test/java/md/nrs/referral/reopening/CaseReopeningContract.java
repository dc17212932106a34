package md.nrs.referral.reopening;

import static md.nrs.referral.testing.ApiProblems.assertProblem;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.persons.PossibleDuplicateProcess;
import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.PrivacyProperties;
import md.nrs.referral.privacy.vault.KeyRing;
import md.nrs.referral.privacy.vault.KeyRotation;
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
 * Reopening a case over real HTTP ({@code POST /api/cases/{code}/reopenings}), as the right and the wrong users:
 * the team that had the ended case reopens it with its code; a case that is not closed is a 409, a bad reason a 400
 * naming it, a team without a part a 403 like an unknown code, and nothing changes. Run on H2
 * ({@link CaseReopeningOnH2Test}) and PostgreSQL ({@link CaseReopeningOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseReopeningContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final Credentials CHISINAU = basic("cr.chisinau", PASSWORD);
  static final Credentials LA_STRADA = basic("cr.lastrada", PASSWORD);
  static final Credentials COORDINATOR = basic("cr.coordinator", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired PersonalDataVault vault;
  @Autowired KeyRotation rotation;
  @Autowired PrivacyProperties privacy;
  @LocalServerPort int port;
  PlatformHttp http;
  JdbcTemplate jdbc;
  CasesOnTheirWay cases;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    jdbc = new JdbcTemplate(dataSource);
    cases = new CasesOnTheirWay(engine);
    TestUsers.ensure(engine, "cr.chisinau", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "cr.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "cr.coordinator", PASSWORD, "nrs-coordinators");
  }

  @Test
  void theTeamThatHadTheEndedCaseReopensItUnderItsCode() throws Exception {
    ProcessInstance ended = endedCase();
    String code = ended.getBusinessKey();

    Response reopened = reopen(code, CHISINAU, "{\"reason\":\"asked-for-help-again\"}");

    assertThat(reopened.status()).as(reopened.toString()).isEqualTo(201);
    JsonNode answer = json.readTree(reopened.body());
    assertThat(answer.path("caseCode").asText()).isEqualTo(code);
    assertThat(answer.path("reopening").asInt()).isEqualTo(1);
    assertThat(answer.path("reopenedFrom").asText()).isEqualTo(ended.getId());
    assertThat(answer.path("caseInstance").asText()).isNotEqualTo(ended.getId());
    assertThat(reopened.header("Location")).endsWith("/reopenings/" + answer.path("reopeningId").asText());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId()).isEqualTo(answer.path("caseInstance").asText());
    Response view = http.get("/api/cases/" + code, COORDINATOR);
    assertThat(json.readTree(view.body()).path("state").asText()).as("the view reads the running instance")
        .isEqualTo("open");
    assertThat(audited(code, "cr.chisinau", "OK")).isEqualTo(1);
  }

  @Test
  void aCaseThatIsNotClosedIsA409AndBadInputA400AndNothingChanges() throws Exception {
    String open = cases.refer(false).getBusinessKey();
    String ended = endedCase().getBusinessKey();
    long before = reopenings();

    assertProblem(reopen(open, CHISINAU, "{\"reason\":\"asked-for-help-again\"}"), 409, "code", "is not closed");
    assertProblem(reopen(ended, CHISINAU, "{}"), 400, "reason", "give the reason");
    assertProblem(reopen(ended, CHISINAU, "{\"reason\":\"bored\"}"), 400, "reason", "must be one of");
    assertProblem(reopen(ended, CHISINAU, "{\"reason\":\"unmet-needs\",\"location\":\"mars\"}"), 400, "location",
        "must be one of");
    assertProblem(reopen("not-a-code", CHISINAU, "{\"reason\":\"unmet-needs\"}"), 400, "code", "must be a case code");
    assertProblem(reopen(ended, LA_STRADA, "{\"reason\":\"unmet-needs\"}"), 403, null, "no part in case " + ended);
    assertThat(reopen("NRS-2026-987654321", LA_STRADA, "{\"reason\":\"unmet-needs\"}").status()).as("no oracle of codes")
        .isEqualTo(403);
    assertThat(reopenings()).isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(ended).count()).isZero();
  }

  /**
   * Persons recorded before the blind index existed are indexed later by the key rotation, which asks nothing: the two
   * records of one woman meet for the first time when her closed case is reopened, and the coordinators are asked once.
   */
  @Test
  void reopeningAClosedCaseFlagsAPossibleDuplicateNotAskedBefore() throws Exception {
    PersonRecord woman = new PersonRecord("Reopenia", "Crmark", LocalDate.of(1991, 3, 9), null, null, null, null, null,
        null, null);
    String earlier = cases.refer(false).getBusinessKey();
    vault.store(earlier, woman, "cr.chisinau", "mdt-chisinau");
    jdbc.update("delete from nrs_person_index where case_code = ?", earlier); // recorded before the index existed
    ProcessInstance ended = endedCase();
    String code = ended.getBusinessKey();
    vault.store(code, woman, "cr.chisinau", "mdt-chisinau");
    assertThat(flagsAbout(code)).as("the index did not hold the earlier record when this one was stored").isZero();
    rotation.rotate(new FieldCipher(new KeyRing(privacy.allKeys(), privacy.activeKey())), "cr.operator");
    assertThat(flagsAbout(code)).as("re-indexing asks nothing").isZero();

    Response reopened = reopen(code, CHISINAU, "{\"reason\":\"asked-for-help-again\"}");

    assertThat(reopened.status()).as(reopened.toString()).isEqualTo(201);
    assertThat(flagsAbout(code)).as("one question to the coordinators").isEqualTo(1);
    String[] pair = code.compareTo(earlier) < 0 ? new String[] {code, earlier} : new String[] {earlier, code};
    assertThat(jdbc.queryForList("select status from nrs_duplicate_pair where case_code = ? and other_case_code = ?",
        String.class, pair[0], pair[1])).containsExactly("open");
    Map<String, Object> asked = new HashMap<>();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PossibleDuplicateProcess.KEY)
        .processInstanceBusinessKey(code).list().forEach(flag -> asked.putAll(engine.getRuntimeService()
            .getVariables(flag.getId())));
    assertThat(asked).as("case codes only").containsOnly(Map.entry(PossibleDuplicateProcess.CASE_CODE.name(), code),
        Map.entry(PossibleDuplicateProcess.DUPLICATE_OF.name(), earlier),
        Map.entry(PossibleDuplicateProcess.MATCHED_ON.name(), "name-birth"));
  }

  // --- helpers

  private long flagsAbout(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PossibleDuplicateProcess.KEY).processInstanceBusinessKey(code).count();
  }

  /** A case of the Chisinau team that has ended (the person withdrew consent). */
  private ProcessInstance endedCase() {
    ProcessInstance nrsCase = cases.refer(false);
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(nrsCase.getId()).correlate();
    return nrsCase;
  }

  private Response reopen(String code, Credentials who, String body) {
    return http.post("/api/cases/" + code + "/reopenings", who, body);
  }


  private long reopenings() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseReopeningProcess.KEY)
        .count();
  }

  private long audited(String code, String actor, String outcome) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = 'CASE_REOPENED' and case_code = ? "
        + "and actor = ? and outcome = ?", Long.class, code, actor, outcome);
  }
}
