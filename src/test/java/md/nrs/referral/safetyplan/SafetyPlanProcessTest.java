package md.nrs.referral.safetyplan;

import static md.nrs.referral.safetyplan.SafetyPlanProcess.CASE_CODE;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.MEASURES_BY;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.MEASURES_DUE_BY;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.MINOR;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.PLAN_STATUS;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.REVIEW_ON;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.REVIEW_REASON;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.RISK_LEVEL;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.RISK_SELF_HARM;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.RISK_TRAFFICKER_CONTACT;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.SAFETY_MEASURES;
import static md.nrs.referral.safetyplan.SafetyPlanProcess.URGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.safetyplan.SafetyPlanProcess.Elements;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/** Starts a real case for the safety-incident hook: coverage counts the safety plan alone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-safety-plan-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, SafetyPlanProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SafetyPlanProcessTest extends CalledProcessTestSupport {

  /** The case and everything else it calls are not counted here: they have their own test classes. */
  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return coverageOf(SafetyPlanProcess.KEY);
    }
  }

  private static final String TEAM = "mdt-chisinau";

  @Test
  void theTeamAssessesTheRisksTheTableSetsTheLevelAndAPlanWithAReviewDateInThePastIsRefused() {
    ProcessInstance plan = start("standard");
    assertThat(task(plan)).hasCandidateGroup(TEAM).hasDefinitionKey(Elements.ASSESS_RISKS);

    complete(plan, risks(RISK_TRAFFICKER_CONTACT.name()));
    assertThat(plan).isWaitingAt(Elements.MAKE_PLAN).variables().containsEntry(RISK_LEVEL.name(), "high");

    assertThatThrownBy(() -> complete(plan, safetyPlan(today().minusDays(1), "active")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("reviewOn: cannot be in the past");
    assertThat(plan).isWaitingAt(Elements.MAKE_PLAN);
    assertThat(plan).variables().doesNotContainKey(REVIEW_ON.name());
  }

  @Test
  void aFarReviewDateIsBroughtForwardToTheSlaIntervalAndTheReviewTimerReopensTheAssessment() {
    ProcessInstance plan = start("standard");
    complete(plan, risks(RISK_SELF_HARM.name()));

    complete(plan, safetyPlan(today().plusDays(90), "active"));

    assertThat(plan).isWaitingAt(Elements.REVIEW_DUE_GATEWAY);
    Job review = timer(plan, Elements.REVIEW_DUE);
    assertThat(Duration.between(PlatformClock.now(), review.getDuedate().toInstant()))
        .as("30 days at the latest (sla-durations.dmn rule 'Rule_SlaSafetyPlanReview')")
        .isLessThanOrEqualTo(Duration.ofDays(30)).isGreaterThan(Duration.ofDays(29));

    engine.getManagementService().executeJob(review.getId());
    assertThat(plan).isWaitingAt(Elements.ASSESS_RISKS);
  }

  @Test
  void anUrgentCasesPlanIsReviewedOnTheDateItSetsWhenThatIsSooner() {
    ProcessInstance plan = start("urgent");
    complete(plan, risks());
    assertThat(plan).variables().containsEntry(RISK_LEVEL.name(), "low");

    LocalDate reviewOn = today().plusDays(3);
    complete(plan, safetyPlan(reviewOn, "active"));

    Instant due = timer(plan, Elements.REVIEW_DUE).getDuedate().toInstant();
    assertThat(due).isEqualTo(reviewOn.atStartOfDay(PlatformClock.zone()).toInstant());
  }

  @Test
  void aReviewEndsThePlanWhenThePersonNoLongerNeedsIt() {
    ProcessInstance plan = start("standard");
    complete(plan, risks());

    complete(plan, safetyPlan(today(), "ended"));

    assertThat(plan).isEnded().hasPassed(Elements.PLAN_ENDED);
  }

  @Test
  void aSafetyIncidentOnTheCaseAsksThePlanTheCaseStartedForAReview() {
    ProcessInstance nrsCase = engine.getFormService().submitStartForm(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId(),
        FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null, "trafficking", "18+", false, "female",
            false, "Returned from labour exploitation")));
    caseCode = nrsCase.getBusinessKey();
    ProcessInstance plan = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(nrsCase.getId())
        .processDefinitionKey(SafetyPlanProcess.KEY).singleResult();
    assertThat(plan.getBusinessKey()).isEqualTo(caseCode);
    complete(plan, risks());
    complete(plan, safetyPlan(today().plusDays(10), "active"));

    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_SAFETY_INCIDENT)
        .processInstanceBusinessKey(caseCode).correlate();

    assertThat(plan).isWaitingAt(Elements.ASSESS_RISKS).variables().containsEntry(REVIEW_REASON.name(), "safety-incident");
  }

  /** The risk assessment as Tasklist submits it: every risk ticked or not. */
  private static Map<String, Object> risks(String... ticked) {
    Map<String, Object> form = new HashMap<>();
    for (var risk : List.of(RISK_TRAFFICKER_CONTACT, SafetyPlanProcess.RISK_FAMILY, SafetyPlanProcess.RISK_DEBT,
        SafetyPlanProcess.RISK_HEALTH, RISK_SELF_HARM, SafetyPlanProcess.RISK_MEDIA)) {
      form.put(risk.name(), List.of(ticked).contains(risk.name()));
    }
    return form;
  }

  private Map<String, Object> safetyPlan(LocalDate reviewOn, String status) {
    return Map.of(SAFETY_MEASURES.name(), List.of("safe-accommodation", "psychological-support"), MEASURES_BY.name(), TEAM,
        MEASURES_DUE_BY.name(), today().toString(), REVIEW_ON.name(), reviewOn.toString(), PLAN_STATUS.name(), status);
  }

  private ProcessInstance start(String urgency) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(RESPONSIBLE_TEAM.name(), TEAM);
    variables.put(URGENCY.name(), urgency);
    variables.put(MINOR.name(), false);
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(SafetyPlanProcess.KEY, caseCode, variables));
  }

  /** The day in Chisinau, as the plan's "not in the past" checks count it (UTC is a day behind from 22:00). */
  private static LocalDate today() {
    return LocalDate.ofInstant(PlatformClock.now(), PlatformClock.zone());
  }
}
