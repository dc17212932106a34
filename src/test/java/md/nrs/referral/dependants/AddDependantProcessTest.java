package md.nrs.referral.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.dependants.AddDependantProcess.Elements;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.FormSubmission;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;

/**
 * add-dependant, the Tasklist way to add a family member (issue 15, item 5), on H2 with the real delegates, as the
 * users who start it: the team responsible for the case adds a child, who gets a linked case of their own on the child
 * path; a coordinator may too; another agency, an unknown code and an ended case are refused at the case code and
 * nothing is created; a child's age band of 18+ or an unknown one is refused at the age band. Coverage counts
 * add-dependant alone (the dependant's nrs-case has its own tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-add-dependant-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, AddDependantProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class AddDependantProcessTest extends CalledProcessTestSupport {

  private static final List<String> CHISINAU_TEAM = List.of("mdt-chisinau", "caseworkers");
  private static final List<String> LA_STRADA = List.of("la-strada", "caseworkers");
  private static final List<String> COORDINATORS = List.of("nrs-coordinators");

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return coverageOf(AddDependantProcess.KEY);
    }
  }

  @Autowired JdbcTemplate jdbc;
  CasesOnTheirWay cases;

  @BeforeEach
  void casesReferredInChisinau() {
    cases = new CasesOnTheirWay(engine);
  }

  @AfterEach
  void nobodyIsLoggedIn() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theResponsibleTeamAddsAChildWhoGetsALinkedCaseOfItsOwnOnTheChildPath() {
    String code = cases.refer(false).getBusinessKey();

    ProcessInstance added = start("ad.mdt", CHISINAU_TEAM, new AddDependantForm(code, "child", "3-6", "male"));

    assertThat(added).hasPassed(Elements.FAMILY_MEMBER_NAMED, Elements.ADD_TO_CASE, Elements.DEPENDANT_CASE_OPENED).isEnded();
    String child = added.getBusinessKey();
    assertThat(child).matches("NRS-\\d{4}-\\d{6,}").isNotEqualTo(code);
    assertThat(variable(added, AddDependantProcess.DEPENDANT_CASE_CODE.name())).isEqualTo(child);
    assertThat(variable(added, AddDependantProcess.ADDED_BY.name())).isEqualTo("ad.mdt");
    ProcessInstance childCase = openCase(child);
    assertThat(childCase).as("a case of the child's own").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(childCase.getId(), NrsCaseProcess.MINOR.name())).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(childCase.getId(), NrsCaseProcess.PATHWAY.name())).isEqualTo("child");
    assertThat(outbox.findByCaseCodeOrderByIdAsc(child)).extracting(OutboxEntry::getStep)
        .as("the guardianship authority is alerted").contains(NrsCaseProcess.Elements.ALERT_GUARDIANSHIP);
    assertThat(linkOf(child)).isEqualTo(code + " child");
    assertThat(audited(code, "ad.mdt", "OK")).isEqualTo(1);
  }

  @Test
  void theDependantsCaseHasNoReferrerTheUserAddingItIsNotTakenForOne() {
    String code = cases.refer(false).getBusinessKey();

    String child = start("ad.mdt", CHISINAU_TEAM, new AddDependantForm(code, "child", "7-17", "female")).getBusinessKey();

    assertThat(jdbc.queryForObject("select count(*) from nrs_case_referrer where case_code = ?", Long.class, child))
        .as("as over REST: the platform opens the dependant's case, nobody referred it").isZero();
  }

  @Test
  void aCoordinatorAddsAFamilyMemberAlsoExploitedAsAnAdultsCase() {
    String code = cases.refer(false).getBusinessKey();

    ProcessInstance added = start("ad.coordinator", COORDINATORS, new AddDependantForm(code, "family-member", "18+", "female"));

    assertThat(added).isEnded();
    ProcessInstance adult = openCase(added.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariable(adult.getId(), NrsCaseProcess.PATHWAY.name())).isEqualTo("adult");
    assertThat(linkOf(added.getBusinessKey())).isEqualTo(code + " family-member");
  }

  @Test
  void anotherAgencysUserIsRefusedAtTheCaseCodeLikeForAnUnknownCodeAndNothingIsCreated() {
    String code = cases.refer(false).getBusinessKey();
    String unknown = "NRS-2026-987654321";
    long before = counts();

    FieldError notMine = refused("ad.lastrada", LA_STRADA, new AddDependantForm(code, "child", "3-6", "male"));
    FieldError noSuchCase = refused("ad.lastrada", LA_STRADA, new AddDependantForm(unknown, "child", "3-6", "male"));
    FieldError noSuchCaseForTheTeam = refused("ad.mdt", CHISINAU_TEAM, new AddDependantForm(unknown, "child", "3-6", "male"));

    assertThat(notMine.field()).isEqualTo(AddDependantProcess.CASE_CODE.name());
    assertThat(notMine.message()).contains("no part in case " + code);
    assertThat(noSuchCase.message().replace(unknown, "CODE")).as("no oracle of codes")
        .isEqualTo(notMine.message().replace(code, "CODE"));
    assertThat(noSuchCaseForTheTeam).isEqualTo(noSuchCase);
    assertThat(counts()).as("no case, no link, no add-dependant instance").isEqualTo(before);
    assertThat(audited(code, "ad.lastrada", "REFUSED")).as("the refusal is audited").isEqualTo(1);
  }

  @Test
  void anEndedCaseIsRefusedAtTheCaseCode() {
    ProcessInstance ended = cases.refer(false);
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(ended.getId()).correlate();
    long before = counts();

    FieldError refused = refused("ad.mdt", CHISINAU_TEAM, new AddDependantForm(ended.getBusinessKey(), "child", "3-6", "male"));

    assertThat(refused.field()).isEqualTo(AddDependantProcess.CASE_CODE.name());
    assertThat(refused.message()).contains("has ended");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aChildAgedEighteenOrAnAgeBandNotOnTheListIsRefusedAtTheAgeBand() {
    String code = cases.refer(false).getBusinessKey();
    long before = counts();

    FieldError adultChild = refused("ad.mdt", CHISINAU_TEAM, new AddDependantForm(code, "child", "18+", "male"));
    FieldError noSuchBand = refused("ad.mdt", CHISINAU_TEAM, new AddDependantForm(code, "child", "99", "male"));

    assertThat(adultChild.field()).isEqualTo(AddDependantProcess.AGE_BAND.name());
    assertThat(adultChild.message()).contains("under 18");
    assertThat(noSuchBand.field()).isEqualTo(AddDependantProcess.AGE_BAND.name());
    assertThat(counts()).isEqualTo(before);
  }

  // --- helpers

  private ProcessInstance start(String user, List<String> groups, AddDependantForm form) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(AddDependantProcess.KEY).latestVersion().singleResult().getId(), FormSubmission.of(form));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The one field error of a refused start. */
  private FieldError refused(String user, List<String> groups, AddDependantForm form) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> start(user, groups, form));
    assertThat(thrown).isInstanceOf(InvalidFormException.class);
    List<FieldError> errors = ((InvalidFormException) thrown).errors();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private ProcessInstance openCase(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private String linkOf(String dependant) {
    return jdbc.queryForObject("select case_code || ' ' || relation from nrs_case_dependant where dependant_case_code = ?",
        String.class, dependant);
  }

  /** nrs-case instances, links and add-dependant instances, as one number that must not move on a refusal. */
  private long counts() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count()
        + jdbc.queryForObject("select count(*) from nrs_case_dependant", Long.class)
        + engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(AddDependantProcess.KEY).count();
  }

  private long audited(String code, String actor, String outcome) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = 'DEPENDANT_ADDED' and case_code = ? "
        + "and actor = ? and outcome = ?", Long.class, code, actor, outcome);
  }
}
