package md.nrs.referral.justice;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.justice.CriminalJusticeProcess.COMPENSATION_CLAIMED;
import static md.nrs.referral.justice.CriminalJusticeProcess.COMPENSATION_NOTE;
import static md.nrs.referral.justice.CriminalJusticeProcess.COMPENSATION_STATUS;
import static md.nrs.referral.justice.CriminalJusticeProcess.CRIMINAL_CASE_NUMBER;
import static md.nrs.referral.justice.CriminalJusticeProcess.CRIMINAL_CASE_OPENED;
import static md.nrs.referral.justice.CriminalJusticeProcess.HEARING_AT;
import static md.nrs.referral.justice.CriminalJusticeProcess.HEARING_DATE;
import static md.nrs.referral.justice.CriminalJusticeProcess.LAWYER_ASSIGNED;
import static md.nrs.referral.justice.CriminalJusticeProcess.LEGAL_AID;
import static md.nrs.referral.justice.CriminalJusticeProcess.PROCEEDINGS_NEXT;
import static md.nrs.referral.justice.CriminalJusticeProcess.PROCEEDINGS_OUTCOME;
import static md.nrs.referral.justice.CriminalJusticeProcess.PROTECTION_GRANTED;
import static md.nrs.referral.justice.CriminalJusticeProcess.PROTECTION_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.justice.CriminalJusticeProcess.Elements;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The justice path, every branch: started only by the person's consent to inform law enforcement (never without
 * it, never holding up the case), the referral to the police with the case code only, their answer, proceedings
 * with hearings (timers run by hand) and an outcome, compensation paid or refused, and the withdrawal of the consent,
 * which tells the police once and ends the path. Each test opens a real NRS case with its informed consent; coverage
 * counts criminal-justice alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-criminal-justice-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, CriminalJusticeProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CriminalJusticeProcessTest extends CalledProcessTestSupport {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return coverageOf(CriminalJusticeProcess.KEY);
    }
  }

  @Autowired ConsentRegistry consents;

  @Test
  void consentToInformLawEnforcementRefersTheCaseToThePoliceWithItsCodeOnlyAndTheCaseGoesOn() {
    ProcessInstance nrsCase = openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());

    ProcessInstance justice = justice();
    assertThat(justice).hasPassed(Elements.START, Elements.REFER_TO_POLICE).isWaitingAt(Elements.POLICE_ANSWER);
    assertThat(justice.getBusinessKey()).isEqualTo(caseCode);
    assertThat(task(justice)).hasCandidateGroup("cctp");
    assertThat(task(justice).getDueDate()).isNotNull();
    List<OutboxEntry> sent = outboxOf(justice);
    assertThat(sent).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(tuple("cctp", Elements.POLICE_ANSWER));
    assertThat(sent.get(0).getRequest()).contains("consents to inform law enforcement", "mdt-chisinau");
    assertThat(nrsCase).isActive().isNotWaitingAt(Elements.POLICE_ANSWER);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(nrsCase.getId()).count()).isPositive();
  }

  @Test
  void duringTheReflectionPeriodThePoliceAreToldOnlyAfterItEndsUnlessThePersonAsksForThemNow() {
    ProcessInstance nrsCase = openCase(InformedConsent.given("cctp").informingLawEnforcement());

    ProcessInstance justice = justice();
    assertThat(justice).isWaitingAt(Elements.REFLECTION_PERIOD_OVER).hasNotPassed(Elements.REFER_TO_POLICE);
    assertThat(outboxOf(justice)).as("nothing goes to the police during the reflection period").isEmpty();
    Job periodOver = engine.getManagementService().createJobQuery().processInstanceId(justice.getId())
        .activityId(Elements.REFLECTION_PERIOD_OVER).singleResult();
    assertThat(periodOver.getDuedate().toInstant()).as("the case's own end of the period")
        .isEqualTo(java.time.OffsetDateTime.parse((String) engine.getRuntimeService()
            .getVariable(nrsCase.getId(), NrsCaseProcess.REFLECTION_PERIOD_ENDS_AT.name())).toInstant());

    engine.getManagementService().executeJob(periodOver.getId());

    assertThat(justice).hasPassed(Elements.REFER_TO_POLICE).isWaitingAt(Elements.POLICE_ANSWER);
    assertThat(outboxOf(justice)).extracting(OutboxEntry::getAgencyId).containsExactly("cctp");
  }

  @Test
  void withoutConsentToInformLawEnforcementNothingStartsAndNothingGoesToThePolice() {
    openCase(InformedConsent.given("cctp", "la-strada"));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CriminalJusticeProcess.KEY)
        .processInstanceBusinessKey(caseCode).count()).isZero();
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).extracting(OutboxEntry::getAgencyId).doesNotContain("cctp");
  }

  @Test
  void consentToInformLawEnforcementWithoutConsentToShareWithThePoliceSendsNothingAndEnds() {
    openCase(InformedConsent.given("la-strada").informingLawEnforcement().policeNow());

    assertThat(justice()).isNull();
    assertThat(stepsOfTheJusticePath()).contains(Elements.REFER_TO_POLICE, Elements.NOT_REFERRED)
        .doesNotContain(Elements.POLICE_ANSWER);
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).extracting(OutboxEntry::getAgencyId).doesNotContain("cctp");
  }

  @Test
  void thePoliceOpeningNoCriminalCaseEndsThePath() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = justice();

    complete(justice, Map.of(CRIMINAL_CASE_OPENED.name(), false));

    assertThat(justice).isEnded().hasPassed(Elements.NO_CRIMINAL_CASE).hasNotPassed(Elements.SUPPORT_PROCEEDINGS);
  }

  @Test
  void anOpenedCriminalCaseNeedsItsNumber() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = justice();

    assertThatThrownBy(() -> complete(justice, Map.of(CRIMINAL_CASE_OPENED.name(), true)))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining(CRIMINAL_CASE_NUMBER.name());
    assertThat(justice).isWaitingAt(Elements.POLICE_ANSWER);
  }

  @Test
  void proceedingsGoThroughHearingsWithAReminderBeforeEachToTheSupportingAgencyAndEndWithTheOutcome() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = inProceedings();
    assertThat(task(justice)).hasCandidateGroup("mdt-chisinau");
    LocalDate hearingDay = LocalDate.now(CHISINAU).plusDays(20);

    complete(justice, hearing(hearingDay));

    assertThat(justice).hasPassed(Elements.SCHEDULE_HEARING).isWaitingAt(Elements.HEARING_REMINDER);
    OffsetDateTime hearingAt = OffsetDateTime.parse((String) engine.getRuntimeService().getVariable(justice.getId(), HEARING_AT.name()));
    assertThat(hearingAt.atZoneSameInstant(CHISINAU).toLocalDate()).isEqualTo(hearingDay);
    Job reminder = timer(justice, Elements.HEARING_REMINDER);
    assertThat(Duration.between(reminder.getDuedate().toInstant(), hearingAt.toInstant())).isEqualTo(Duration.ofDays(2));

    engine.getManagementService().executeJob(reminder.getId());
    assertThat(justice).hasPassed(Elements.REMIND_OF_HEARING).isWaitingAt(Elements.HEARING_DAY);
    assertThat(outboxOf(justice)).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .contains(tuple("mdt-chisinau", Elements.REMIND_OF_HEARING));
    assertThat(timer(justice, Elements.HEARING_DAY).getDuedate().toInstant()).isEqualTo(hearingAt.toInstant());
    engine.getManagementService().executeJob(timer(justice, Elements.HEARING_DAY).getId());

    assertThat(justice).isWaitingAt(Elements.SUPPORT_PROCEEDINGS);
    complete(justice, hearing(hearingDay.plusDays(30)));
    engine.getManagementService().executeJob(timer(justice, Elements.HEARING_REMINDER).getId());
    engine.getManagementService().executeJob(timer(justice, Elements.HEARING_DAY).getId());
    complete(justice, outcome("conviction", "none"));

    assertThat(justice).isEnded().hasPassed(Elements.PROCEEDINGS_ENDED).hasNotPassed(Elements.FOLLOW_COMPENSATION);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(justice.getId())
        .activityId(Elements.REMIND_OF_HEARING).count()).isEqualTo(2);
    assertThat(outboxOf(justice)).extracting(OutboxEntry::getAgencyId).containsOnlyOnce("cctp");
  }

  @Test
  void aHearingDateInThePastIsRefusedNamingTheFieldAndChangesNothing() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = inProceedings();

    assertThatThrownBy(() -> complete(justice, hearing(LocalDate.now(CHISINAU).minusDays(1))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining(HEARING_DATE.name());
    assertThat(justice).isWaitingAt(Elements.SUPPORT_PROCEEDINGS);
  }

  @Test
  void aStateCompensationClaimIsFollowedWhilePendingUntilItIsPaid() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = inProceedings();

    complete(justice, outcome("conviction", "state"));
    assertThat(justice).isWaitingAt(Elements.FOLLOW_COMPENSATION);
    assertThat(task(justice)).hasCandidateGroup("mdt-chisinau");
    assertThat(task(justice).getDueDate()).isNotNull();
    complete(justice, Map.of(COMPENSATION_STATUS.name(), "pending"));
    assertThat(justice).isWaitingAt(Elements.FOLLOW_COMPENSATION);
    complete(justice, Map.of(COMPENSATION_STATUS.name(), "paid"));

    assertThat(justice).isEnded().hasPassed(Elements.COMPENSATION_PAID);
  }

  @Test
  void aRefusedCompensationClaimNeedsItsReasonAndEndsThePath() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = inProceedings();
    complete(justice, outcome("conviction", "offender-and-state"));

    assertThatThrownBy(() -> complete(justice, Map.of(COMPENSATION_STATUS.name(), "refused")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining(COMPENSATION_NOTE.name());
    complete(justice, Map.of(COMPENSATION_STATUS.name(), "refused", COMPENSATION_NOTE.name(), "Offender has no assets"));

    assertThat(justice).isEnded().hasPassed(Elements.COMPENSATION_REFUSED).hasNotPassed(Elements.COMPENSATION_PAID);
  }

  @Test
  void withdrawingTheConsentTellsThePoliceOnceEndsThePathAndNothingMoreIsShared() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    ProcessInstance justice = inProceedings();

    consents.record(caseCode, ConsentRegistry.LAW_ENFORCEMENT, false, "justice.tester", "mdt-chisinau", "test");
    consents.record(caseCode, ConsentRegistry.LAW_ENFORCEMENT, false, "justice.tester", "mdt-chisinau", "test");

    assertThat(justice).isEnded().hasPassed(Elements.TELL_POLICE_CONSENT_WITHDRAWN, Elements.SHARING_STOPPED)
        .hasNotPassed(Elements.PROCEEDINGS_ENDED);
    assertThat(outboxOf(justice)).filteredOn(e -> e.getAgencyId().equals("cctp"))
        .extracting(OutboxEntry::getStep).containsExactly(Elements.POLICE_ANSWER, Elements.TELL_POLICE_CONSENT_WITHDRAWN);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CriminalJusticeProcess.KEY)
        .processInstanceBusinessKey(caseCode).count()).isZero();
  }

  @Test
  void consentGivenAgainAfterAWithdrawalStartsANewReferral() {
    openCase(InformedConsent.given("cctp").informingLawEnforcement().policeNow());
    consents.record(caseCode, ConsentRegistry.LAW_ENFORCEMENT, false, "justice.tester", "mdt-chisinau", "test");

    consents.record(caseCode, ConsentRegistry.LAW_ENFORCEMENT, true, "justice.tester", "mdt-chisinau", "test");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CriminalJusticeProcess.KEY)
        .processInstanceBusinessKey(caseCode).count()).isEqualTo(2);
    assertThat(justice()).isWaitingAt(Elements.POLICE_ANSWER);
  }

  // --- helpers

  /** An open NRS case (code {@link #caseCode}), identified by the Chisinau team, with this informed consent. */
  private ProcessInstance openCase(InformedConsent consent) {
    ProcessInstance nrsCase = PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(NrsCaseProcess.KEY, caseCode,
        new HashMap<>(Map.of(CHANNEL.name(), "ngo", LOCATION.name(), "moldova",
            CATEGORY.name(), "trafficking", MINOR.name(), false,
            SEX.name(), "female", AGE_BAND.name(), "18+", IMMEDIATE_DANGER.name(), false))));
    engine.getTaskService().complete(task(nrsCase).getId(), FormSubmission.of(new IdentificationInterviewForm(
        LocalDate.of(2026, 2, 2), List.of("deception"), List.of("labour"), "presumed-victim", null, null)));
    engine.getTaskService().complete(task(nrsCase).getId(), consent.submission());
    return nrsCase;
  }

  /** The running criminal-justice instance of the case. */
  private ProcessInstance justice() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CriminalJusticeProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
  }

  /** The steps the case's only criminal-justice instance went through (it may have ended already). */
  private List<String> stepsOfTheJusticePath() {
    var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CriminalJusticeProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
        .map(a -> a.getActivityId()).toList();
  }

  private ProcessInstance inProceedings() {
    ProcessInstance justice = justice();
    complete(justice, Map.of(CRIMINAL_CASE_OPENED.name(), true, CRIMINAL_CASE_NUMBER.name(), "2026/0417-CCTP"));
    assertThat(justice).isWaitingAt(Elements.SUPPORT_PROCEEDINGS);
    return justice;
  }

  private static Map<String, Object> hearing(LocalDate day) {
    return new HashMap<>(Map.of(LAWYER_ASSIGNED.name(), true, LEGAL_AID.name(), true, PROTECTION_REQUESTED.name(), true,
        PROTECTION_GRANTED.name(), false, PROCEEDINGS_NEXT.name(), CriminalJusticeProcess.NEXT_HEARING,
        HEARING_DATE.name(), day.toString()));
  }

  private static Map<String, Object> outcome(String outcome, String compensation) {
    return new HashMap<>(Map.of(LAWYER_ASSIGNED.name(), true, LEGAL_AID.name(), true, PROTECTION_REQUESTED.name(), true,
        PROTECTION_GRANTED.name(), true, PROCEEDINGS_NEXT.name(), CriminalJusticeProcess.NEXT_OUTCOME,
        PROCEEDINGS_OUTCOME.name(), outcome, COMPENSATION_CLAIMED.name(), compensation));
  }
}
