package md.nrs.referral.foreignvictims;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.INTERPRETER_NEEDED;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.LANGUAGE;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.NATIONALITY;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.ORIGIN_PARTNER_TOLD;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.OUTCOME;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.RETURN_CHOSEN_DURING_REFLECTION_PERIOD;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.RETURN_DECISION;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.STAY_RENEWAL_DUE_AT;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.SUPPORTING_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.foreignvictims.ForeignVictimProcess.Elements;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The foreign-victim path, every branch: started by an identification that records a foreign nationality (not for a
 * Moldovan, not for a potential victim), the interpreter asked for, the provisional stay right with its renewal timer
 * (clock moved by hand), the return risk and the person's wish, the assisted return with IOM and the partner in the
 * country of origin (told only with consent; a partner of another country refused), a child's return only after the
 * best-interests determination, and local integration. Coverage counts foreign-victim alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-foreign-victim-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, ForeignVictimProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ForeignVictimProcessTest extends CalledProcessTestSupport {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
  private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 2, 2, 10, 0, 0, 0, CHISINAU);

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return coverageOf(ForeignVictimProcess.KEY, ProcessTest.STARTED_BY_CONSENT);
    }
  }

  @BeforeEach
  void onAMondayMorning() {
    ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
  }

  @AfterEach
  void backToRealTime() {
    ClockUtil.reset();
  }

  @Test
  void aUkrainianWomanIdentifiedInChisinauIsGivenTheStayRightAndReturnsHomeWithIomAndVeritasTold() {
    openCase("UA", "uk", true, InformedConsent.given("veritas", "iom", "mdt-chisinau").informingPartnerAbroad());

    ProcessInstance path = foreignVictimPath();
    assertThat(path).hasPassed(Elements.ASK_FOR_INTERPRETER).isWaitingAt(Elements.PROVISIONAL_STAY).variables()
        .containsEntry(NATIONALITY.name(), "UA").containsEntry(LANGUAGE.name(), "uk").containsEntry(INTERPRETER_NEEDED.name(), true)
        .containsEntry(SUPPORTING_AGENCY.name(), "mdt-chisinau");
    assertThat(task(path)).hasCandidateGroup("mdt-chisinau");
    assertThat(outboxOf(path)).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .contains(tuple("mdt-chisinau", Elements.ASK_FOR_INTERPRETER));

    complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("granted", LocalDate.of(2026, 2, 2), null)));
    assertThat(path).isWaitingAt(Elements.STAY_RENEWAL_DUE, Elements.RETURN_OR_STAY);
    complete(path, Elements.RETURN_OR_STAY, FormSubmission.of(new AssessReturnOrStayForm("low", "return", null)));
    assertThat(variable(path, RETURN_CHOSEN_DURING_REFLECTION_PERIOD.name()))
        .as("chosen on the day she was identified: her own wish during the reflection period").isEqualTo(true);
    assertThat(task(path, Elements.ASSISTED_RETURN)).hasCandidateGroup("iom");
    complete(path, Elements.ASSISTED_RETURN, FormSubmission.of(new OrganiseAssistedReturnForm("veritas",
        LocalDate.of(2026, 2, 20), null)));

    assertThat(path).isEnded().hasPassed(Elements.TELL_ORIGIN_PARTNER, Elements.RETURNED).hasNotPassed(Elements.RENEW_STAY);
    assertThat(variable(path, OUTCOME.name())).isEqualTo(ForeignVictimProcess.OUTCOME_RETURNED);
    assertThat(variable(path, ORIGIN_PARTNER_TOLD.name())).isEqualTo(true);
    List<OutboxEntry> told = outboxOf(path).stream().filter(e -> "veritas".equals(e.getAgencyId())).toList();
    assertThat(told).extracting(OutboxEntry::getStep).containsExactly(Elements.TELL_ORIGIN_PARTNER);
    assertThat(told.get(0).getRequest()).contains("iom", "2026-02-20");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(path.getId()).count()).isZero();
  }

  @Test
  void aWomanWhoWishesToStayIsPlannedLocalIntegrationAndHerStayRightIsRenewedUntilNoLongerNeeded() {
    openCase("UA", "ru", false, InformedConsent.given("mdt-chisinau"));
    ProcessInstance path = foreignVictimPath();
    assertThat(path).hasNotPassed(Elements.ASK_FOR_INTERPRETER);

    complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("granted", LocalDate.of(2026, 2, 2), null)));
    Job renewal = timer(path, Elements.STAY_RENEWAL_DUE);
    assertThat(renewal.getDuedate().toInstant()).isEqualTo(MONDAY.plusMonths(5).toInstant());
    complete(path, Elements.RETURN_OR_STAY, FormSubmission.of(new AssessReturnOrStayForm("medium", "stay", null)));
    assertThat(variable(path, RETURN_CHOSEN_DURING_REFLECTION_PERIOD.name())).as("no return chosen").isEqualTo(false);
    complete(path, Elements.LOCAL_INTEGRATION, FormSubmission.of(new PlanLocalIntegrationForm(
        List.of("legal-status", "language-course", "employment"), null)));
    assertThat(variable(path, OUTCOME.name())).isEqualTo(ForeignVictimProcess.OUTCOME_INTEGRATING);
    assertThat(path).hasPassed(Elements.INTEGRATING).isWaitingAt(Elements.STAY_RENEWAL_DUE);

    ClockUtil.setCurrentTime(Date.from(MONDAY.plusMonths(5).plusMinutes(1).toInstant()));
    engine.getManagementService().executeJob(renewal.getId());
    assertThat(task(path)).hasCandidateGroup("mdt-chisinau");
    complete(path, FormSubmission.of(new RenewProvisionalStayForm("renewed", null)));
    assertThat(OffsetDateTime.parse((String) variable(path, STAY_RENEWAL_DUE_AT.name())).toInstant())
        .isEqualTo(MONDAY.plusMonths(10).plusMinutes(1).toInstant());

    engine.getManagementService().executeJob(timer(path, Elements.STAY_RENEWAL_DUE).getId());
    complete(path, FormSubmission.of(new RenewProvisionalStayForm("no-longer-needed", "Holds a residence permit for work")));
    assertThat(path).isEnded().hasPassed(Elements.STAY_NO_LONGER_NEEDED);
  }

  @Test
  void aReturnChosenAfterTheReflectionPeriodIsNotRecordedAsChosenDuringIt() {
    openCase("UA", "uk", false, InformedConsent.given("iom", "mdt-chisinau"));
    ProcessInstance path = foreignVictimPath();
    complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("not-needed", null, null)));

    ClockUtil.setCurrentTime(Date.from(MONDAY.plusDays(31).toInstant()));
    complete(path, FormSubmission.of(new AssessReturnOrStayForm("low", "return", null)));

    assertThat(variable(path, RETURN_CHOSEN_DURING_REFLECTION_PERIOD.name())).isEqualTo(false);
    assertThat(path).isWaitingAt(Elements.ASSISTED_RETURN);
  }

  @Test
  void aRefusedStayRightAndAHighRiskLeadToIntegrationEvenIfThePersonWishesToReturn() {
    openCase("RU", "ru", false, InformedConsent.given("mdt-chisinau"));
    ProcessInstance path = foreignVictimPath();

    assertThatThrownBy(() -> complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("refused", null, null))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class)).hasMessageContaining("stayNote");
    complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("refused", null, "Application incomplete")));
    assertThat(timer(path, Elements.STAY_RENEWAL_DUE)).isNull();
    complete(path, FormSubmission.of(new AssessReturnOrStayForm("high", "return", "Threats from the recruiters at home")));

    assertThat(path).isWaitingAt(Elements.LOCAL_INTEGRATION).hasNotPassed(Elements.ASSISTED_RETURN);
  }

  @Test
  void aPartnerOfAnotherCountryIsRefusedAndWithoutConsentThePartnerIsNotToldButIomIs() {
    openCase("UA", "uk", false, InformedConsent.given("iom", "mdt-chisinau"));
    ProcessInstance path = foreignVictimPath();
    complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("not-needed", null, null)));
    complete(path, FormSubmission.of(new AssessReturnOrStayForm("low", "return", null)));

    assertThatThrownBy(() -> complete(path, FormSubmission.of(new OrganiseAssistedReturnForm("embassy-md-italy",
        LocalDate.of(2026, 2, 20), null))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("originPartner");
    assertThat(path).isWaitingAt(Elements.ASSISTED_RETURN);
    complete(path, FormSubmission.of(new OrganiseAssistedReturnForm("veritas", LocalDate.of(2026, 2, 20), null)));

    assertThat(path).isEnded().hasPassed(Elements.RETURNED);
    assertThat(variable(path, ORIGIN_PARTNER_TOLD.name())).isEqualTo(false);
    assertThat(outboxOf(path)).extracting(OutboxEntry::getAgencyId).doesNotContain("veritas");
    assertThat(outboxOf(path)).filteredOn(e -> Elements.TELL_ORIGIN_PARTNER.equals(e.getStep()))
        .extracting(OutboxEntry::getAgencyId).containsExactly("iom");
  }

  @Test
  void aChildReturnsOnlyAfterTheGuardianshipAuthorityAgreesAndStaysWhenItRefuses() {
    ProcessInstance agreed = childPath();
    determineBestInterests(agreed, BestInterestsProcess.AGREE, null);
    assertThat(agreed).hasPassed(Elements.BEST_INTERESTS).isWaitingAt(Elements.ASSISTED_RETURN);
    assertThat(variable(agreed, RETURN_DECISION.name())).isEqualTo(BestInterestsProcess.AGREE);

    caseCode = caseCodes.next();
    ProcessInstance refused = childPath();
    determineBestInterests(refused, BestInterestsProcess.REFUSE, "The family was not traced");
    assertThat(refused).isWaitingAt(Elements.LOCAL_INTEGRATION).hasNotPassed(Elements.ASSISTED_RETURN);
  }

  @Test
  void aMoldovanAndAPotentialVictimStartNoForeignVictimPath() {
    openCase(null, null, false, InformedConsent.given("mdt-chisinau"));
    assertThat(foreignVictimPath()).isNull();

    caseCode = caseCodes.next();
    openCase("MD", "ro", false, InformedConsent.given("mdt-chisinau"));
    assertThat(foreignVictimPath()).isNull();

    caseCode = caseCodes.next();
    ProcessInstance nrsCase = startCase();
    engine.getTaskService().complete(task(nrsCase).getId(), FormSubmission.of(new IdentificationInterviewForm(
        LocalDate.of(2026, 2, 2), List.of("other"), List.of(), "potential-victim", "stranded-migrant", null, "UA", "uk", true)));
    assertThat(foreignVictimPath()).isNull();
  }

  @Test
  void aNationalityThatIsNotAnIsoCodeIsRefusedByTheIdentificationForm() {
    ProcessInstance nrsCase = startCase();

    assertThatThrownBy(() -> engine.getTaskService().complete(task(nrsCase).getId(), FormSubmission.of(
        new IdentificationInterviewForm(LocalDate.of(2026, 2, 2), List.of("deception"), List.of("labour"),
            "identified-victim", null, null, "Ukraine", "ukrainian", false))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("nationality").hasMessageContaining("language").hasMessageNotContaining("Ukraine");
    assertThat(foreignVictimPath()).isNull();
  }

  // --- helpers

  private ProcessInstance startCase() {
    return PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(NrsCaseProcess.KEY, caseCode,
            new HashMap<>(Map.of(CHANNEL.name(), "ngo", LOCATION.name(), "moldova",
                CATEGORY.name(), "trafficking", MINOR.name(), false,
                SEX.name(), "female", AGE_BAND.name(), "18+", IMMEDIATE_DANGER.name(), false))));
  }

  /** An NRS case in Chisinau whose identification records the nationality, then its informed consent. */
  private void openCase(String nationality, String language, boolean interpreter, InformedConsent consent) {
    ProcessInstance nrsCase = startCase();
    engine.getTaskService().complete(task(nrsCase).getId(), FormSubmission.of(new IdentificationInterviewForm(
        LocalDate.of(2026, 2, 2), List.of("deception", "recruited-abroad"), List.of("labour"), "identified-victim", null, null,
        nationality, language, interpreter)));
    engine.getTaskService().complete(task(nrsCase).getId(), consent.submission());
  }

  /** A child's path, started as the identification would start it (the child's case path is the case test's). */
  private ProcessInstance childPath() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ForeignVictimProcess.CASE_CODE.name(), caseCode);
    variables.put(NATIONALITY.name(), "UA");
    variables.put(LANGUAGE.name(), "uk");
    variables.put(INTERPRETER_NEEDED.name(), false);
    variables.put(ForeignVictimProcess.MINOR.name(), true);
    variables.put(ForeignVictimProcess.GUARDIANSHIP_AUTHORITY.name(), "guardianship-chisinau");
    variables.put(ForeignVictimProcess.LOCATION.name(), "moldova");
    variables.put(SUPPORTING_AGENCY.name(), "mdt-chisinau");
    variables.put(ForeignVictimProcess.RETURN_AGENCY.name(), "iom");
    ProcessInstance path = PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .createMessageCorrelation(ForeignVictimProcess.MESSAGE_IDENTIFIED).processInstanceBusinessKey(caseCode)
        .setVariables(variables).correlateStartMessage());
    complete(path, FormSubmission.of(new ApplyForProvisionalStayForm("not-needed", null, null)));
    complete(path, FormSubmission.of(new AssessReturnOrStayForm("low", "return", null)));
    assertThat(path).isWaitingAt(Elements.BEST_INTERESTS);
    return path;
  }

  private void determineBestInterests(ProcessInstance path, String decision, String refusalReason) {
    var determination = engine.getTaskService().createTaskQuery().processDefinitionKey(BestInterestsProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
    assertThat(determination).hasCandidateGroup("guardianship-chisinau");
    engine.getTaskService().complete(determination.getId(), FormSubmission.of(new DetermineBestInterestsForm(
        "traced-safe", "heard-agrees", "iom-staff", decision, null, refusalReason)));
  }

  private ProcessInstance foreignVictimPath() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ForeignVictimProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
