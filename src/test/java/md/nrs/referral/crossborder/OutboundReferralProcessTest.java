package md.nrs.referral.crossborder;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.crossborder.OutboundReferralProcess.ANSWER_DUE_AT;
import static md.nrs.referral.crossborder.OutboundReferralProcess.ASSISTANCE_NEEDED;
import static md.nrs.referral.crossborder.OutboundReferralProcess.CASE_CODE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.CONSENT_TO_SHARE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.COORDINATOR_DECISION;
import static md.nrs.referral.crossborder.OutboundReferralProcess.COORDINATOR_NOTE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.OUTCOME;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_ANSWER;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_NOTE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_OUTCOME;
import static md.nrs.referral.crossborder.OutboundReferralProcess.PARTNER_OUTCOME_NOTE;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTED_BY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUESTING_AGENCY;
import static md.nrs.referral.crossborder.OutboundReferralProcess.REQUEST_NOTE;
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
import md.nrs.referral.crossborder.OutboundReferralProcess.Elements;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.sla.WorkingCalendar;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.ProcessTest;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.springframework.test.context.TestExecutionListeners;

/**
 * The referral to a partner abroad, every branch: consent checked first (none: nothing sent, the
 * caseworker's agency told), the request through the outbox, the partner's answer, the SLA timer that
 * hands an unanswered request to a coordinator (clock moved by hand), chasing, another partner,
 * withdrawal. Each test opens a real NRS case with its informed consent; coverage counts only
 * outbound-referral (the case process has its own test), so this is {@link ProcessTest} with nrs-case
 * and its called processes left out of the count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-outbound-referral-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, OutboundReferralProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class OutboundReferralProcessTest extends CalledProcessTestSupport {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
  /** A Monday morning without public holidays in the following week. */
  private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 2, 2, 10, 0, 0, 0, CHISINAU);

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return coverageOf(OutboundReferralProcess.KEY);
    }
  }

  @Autowired WorkingCalendar calendar;

  @BeforeEach
  void onAMondayMorning() {
    ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
    TestUsers.ensure(engine, "outbound.lastrada", "Test#Outbound-2026", "la-strada", "caseworkers");
  }

  @AfterEach
  void backToRealTime() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theSlaTableGivesAPartnerAbroadFiveWorkingDaysToAnswer() {
    var result = engine.getDecisionService().evaluateDecisionByKey("sla-durations").variables(
        new HashMap<>(Map.of(md.nrs.referral.sla.DueDatesFromSlaTable.STEP_INPUT, Elements.PARTNER_ANSWER))).evaluate().getSingleResult();

    assertThat((String) result.getEntry("duration")).isEqualTo("P5D");
    assertThat((String) result.getEntry("calendar")).isEqualTo("working-days");
  }

  @Test
  void withConsentTheRequestGoesToVeritasWhichAcceptsAndTheCaseworkersAgencyIsTold() {
    openCaseSharingWith("veritas", "la-strada");

    ProcessInstance request = requestAs("outbound.lastrada");

    assertThat(request).hasPassed(Elements.CHECK_CASE, Elements.CHECK_SHARING_CONSENT, Elements.SEND_REQUEST)
        .isWaitingAt(Elements.PARTNER_ANSWER).variables().containsEntry(REQUESTING_AGENCY.name(), "la-strada")
        .containsEntry(CONSENT_TO_SHARE.name(), true).containsEntry(REQUESTED_BY.name(), "outbound.lastrada");
    assertThat(request.getBusinessKey()).isEqualTo(caseCode);
    assertThat(task(request)).hasCandidateGroup("veritas");
    ZonedDateTime due = calendar.dueAfter(MONDAY, "P5D", WorkingCalendar.Mode.WORKING_DAYS);
    assertThat(due.toLocalDate()).isAfterOrEqualTo(LocalDate.of(2026, 2, 9));
    assertThat(task(request).getDueDate().toInstant()).isEqualTo(due.toInstant());
    List<OutboxEntry> sent = outboxOf(request);
    assertThat(sent).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(tuple("veritas", Elements.PARTNER_ANSWER));
    assertThat(sent.get(0).getDueAt()).isEqualTo(due.toInstant());
    assertThat(sent.get(0).getRequest()).contains("shelter", "return-support", "la-strada");

    complete(request, Map.of(PARTNER_ANSWER.name(), "accept"));

    assertThat(request).hasPassed(Elements.TELL_REQUESTER_PARTNER_ASSISTS, Elements.SET_OUTCOME_DEADLINE)
        .isWaitingAt(Elements.RECORD_PARTNER_OUTCOME)
        .variables().containsEntry(OUTCOME.name(), OutboundReferralProcess.OUTCOME_PARTNER_ASSISTS);
    assertThat(outboxOf(request)).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(tuple("veritas", Elements.PARTNER_ANSWER), tuple("la-strada", Elements.TELL_REQUESTER_PARTNER_ASSISTS));
  }

  @Test
  void afterAcceptingThePartnerRecordsThatTheReturnWasOrganisedAndTheResponsibleTeamAndTheCaseworkerAreTold() {
    openCaseSharingWith("veritas", "la-strada");
    ProcessInstance request = requestAs("outbound.lastrada");
    complete(request, Map.of(PARTNER_ANSWER.name(), "accept"));
    ZonedDateTime outcomeDue = calendar.dueAfter(MONDAY, "P20D", WorkingCalendar.Mode.WORKING_DAYS);

    assertThat(task(request)).hasCandidateGroup("veritas");
    assertThat(task(request).getDueDate().toInstant()).isEqualTo(outcomeDue.toInstant());
    complete(request, Map.of(PARTNER_OUTCOME.name(), "return-organised"));

    assertThat(request).isEnded().hasPassed(Elements.TELL_RESPONSIBLE_TEAM_OUTCOME, Elements.OUTCOME_RECORDED)
        .variables().containsEntry(OUTCOME.name(), OutboundReferralProcess.OUTCOME_RETURN_ORGANISED);
    List<OutboxEntry> told = outboxOf(request).stream()
        .filter(e -> Elements.TELL_RESPONSIBLE_TEAM_OUTCOME.equals(e.getStep())).toList();
    assertThat(told).extracting(OutboxEntry::getAgencyId).containsExactlyInAnyOrder("mdt-chisinau", "la-strada");
    assertThat(told.get(0).getRequest()).contains("veritas", "return-organised");
  }

  @Test
  void aPartnerThatDidNotReachThePersonMustSayWhatWasTried() {
    openCaseSharingWith("veritas", "la-strada");
    ProcessInstance request = request();
    complete(request, Map.of(PARTNER_ANSWER.name(), "accept"));

    assertThatThrownBy(() -> complete(request, Map.of(PARTNER_OUTCOME.name(), "not-reached")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("whatWasDoneNote");
    assertThatThrownBy(() -> complete(request, Map.of(PARTNER_OUTCOME.name(), "vanished")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("partnerOutcome");
    complete(request, Map.of(PARTNER_OUTCOME.name(), "not-reached",
        PARTNER_OUTCOME_NOTE.name(), "Three calls to the shelter, the person had left"));

    assertThat(request).isEnded().variables().containsEntry(OUTCOME.name(), OutboundReferralProcess.OUTCOME_NOT_REACHED);
  }

  @Test
  void anOverdueOutcomeTellsTheCaseworkerToChaseItAndThePartnersStepStaysOpen() {
    openCaseSharingWith("veritas", "la-strada");
    ProcessInstance request = requestAs("outbound.lastrada");
    complete(request, Map.of(PARTNER_ANSWER.name(), "accept"));
    Job timer = timer(request, Elements.OUTCOME_OVERDUE);
    ZonedDateTime outcomeDue = calendar.dueAfter(MONDAY, "P20D", WorkingCalendar.Mode.WORKING_DAYS);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(outcomeDue.toInstant());

    ClockUtil.setCurrentTime(Date.from(outcomeDue.plusMinutes(1).toInstant()));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(request).hasPassed(Elements.TELL_REQUESTER_OUTCOME_OVERDUE, Elements.OUTCOME_CHASED)
        .isWaitingAt(Elements.RECORD_PARTNER_OUTCOME);
    assertThat(outboxOf(request)).filteredOn(e -> Elements.TELL_REQUESTER_OUTCOME_OVERDUE.equals(e.getStep()))
        .extracting(OutboxEntry::getAgencyId).containsExactly("la-strada");
    complete(request, Map.of(PARTNER_OUTCOME.name(), "assisted"));
    assertThat(request).isEnded().variables().containsEntry(OUTCOME.name(), OutboundReferralProcess.OUTCOME_ASSISTED);
  }

  @Test
  void withoutConsentToShareWithThePartnerNothingIsSentAndTheCaseTeamIsTold() {
    openCaseSharingWith("la-strada", "iom");

    ProcessInstance request = request();

    assertThat(request).isEnded().hasPassed(Elements.TELL_REQUESTER_NO_CONSENT, Elements.NOT_SENT_WITHOUT_CONSENT)
        .hasNotPassed(Elements.SEND_REQUEST).variables().containsEntry(CONSENT_TO_SHARE.name(), false)
        .containsEntry(OUTCOME.name(), OutboundReferralProcess.OUTCOME_NO_CONSENT);
    List<OutboxEntry> told = outboxOf(request);
    assertThat(told).extracting(OutboxEntry::getAgencyId).containsExactly("mdt-chisinau");
    assertThat(told.get(0).getRequest()).contains("not sent", "not consented", "veritas");
  }

  @Test
  void aRequestForACaseThatIsNotOpenIsRefusedAndLeavesNothing() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).count();

    assertThatThrownBy(this::request).satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("caseCode: " + CheckCase.NOT_YOURS);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void anAgencyWithNoPartInAnOpenCaseIsAnsweredAsForAnUnknownCodeAndNothingIsSent() {
    openCaseSharingWith("veritas", "la-strada");
    TestUsers.ensure(engine, "outbound.resonance", "Test#Outbound-2026", "resonance", "caseworkers");
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).count();

    engine.getIdentityService().setAuthentication("outbound.resonance", List.of("resonance", "caseworkers"));
    try {
      assertThatThrownBy(this::request).satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
          .hasMessageContaining("caseCode: " + CheckCase.NOT_YOURS);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).count()).isEqualTo(before);
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).extracting(OutboxEntry::getAgencyId).doesNotContain("veritas");
  }

  @Test
  void anAgencyThatIsNotAPartnerAbroadOfTheDirectoryIsRefusedNamingTheFieldAndNothingIsCreated() {
    openCaseSharingWith("veritas", "la-strada");
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).count();
    Map<String, Object> form = requestForm();
    form.put(PARTNER_AGENCY.name(), "la-strada");

    assertThatThrownBy(() -> start(form)).satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("partnerAgency");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void theConsularSectionInItalyIsAPartnerFromTheDirectoryAndIsAskedWithTheConsentToShareWithIt() {
    openCaseSharingWith("embassy-md-italy", "la-strada");
    Map<String, Object> form = requestForm();
    form.put(PARTNER_AGENCY.name(), "embassy-md-italy");

    ProcessInstance request = start(form);

    assertThat(request).isWaitingAt(Elements.PARTNER_ANSWER);
    assertThat(task(request)).hasCandidateGroup("embassy-md-italy");
    assertThat(outboxOf(request)).extracting(OutboxEntry::getAgencyId).containsExactly("embassy-md-italy");
  }

  @Test
  void aRequestWithoutAnyAssistanceNamedIsRefusedByItsForm() {
    openCaseSharingWith("veritas", "la-strada");
    Map<String, Object> form = requestForm();
    form.put(ASSISTANCE_NEEDED.name(), List.of());

    assertThatThrownBy(() -> start(form)).satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("assistanceNeeded");
  }

  @Test
  void noAnswerByTheDeadlineGoesToACoordinatorWhoChasesThePartnerWithANewDeadline() {
    openCaseSharingWith("veritas", "la-strada");
    ProcessInstance request = request();
    Job timer = timer(request, Elements.ANSWER_OVERDUE);
    ZonedDateTime due = calendar.dueAfter(MONDAY, "P5D", WorkingCalendar.Mode.WORKING_DAYS);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(due.toInstant());

    ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(request).hasPassed(Elements.ANSWER_OVERDUE).isWaitingAt(Elements.FOLLOW_UP);
    assertThat(task(request)).hasCandidateGroup("nrs-coordinators");
    complete(request, Map.of(COORDINATOR_DECISION.name(), "chase", PARTNER_AGENCY.name(), "veritas"));

    assertThat(request).isWaitingAt(Elements.PARTNER_ANSWER);
    OffsetDateTime newDue = OffsetDateTime.parse((String) engine.getRuntimeService().getVariable(request.getId(), ANSWER_DUE_AT.name()));
    assertThat(newDue.toInstant()).isAfter(due.toInstant());
    assertThat(timer(request, Elements.ANSWER_OVERDUE).getDuedate().toInstant()).isEqualTo(newDue.toInstant());
    assertThat(outboxOf(request)).extracting(OutboxEntry::getAgencyId).containsExactly("veritas", "veritas");
  }

  @Test
  void aDeclineGoesToACoordinatorWhoMayAskAnotherPartnerAfterCheckingConsentAgain() {
    openCaseSharingWith("veritas", "la-strada");
    ProcessInstance request = request();

    complete(request, Map.of(PARTNER_ANSWER.name(), "decline", PARTNER_NOTE.name(), "No capacity this month"));
    assertThat(request).isWaitingAt(Elements.FOLLOW_UP);
    complete(request, Map.of(COORDINATOR_DECISION.name(), "other-partner", PARTNER_AGENCY.name(), "veritas"));

    assertThat(request).isWaitingAt(Elements.PARTNER_ANSWER);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(request.getId())
        .activityId(Elements.CHECK_SHARING_CONSENT).count()).isEqualTo(2);
  }

  @Test
  void aDeclineNeedsItsReasonAndTheCoordinatorMayWithdrawTheRequestWithANote() {
    openCaseSharingWith("veritas", "la-strada");
    ProcessInstance request = request();

    assertThatThrownBy(() -> complete(request, Map.of(PARTNER_ANSWER.name(), "decline")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("partnerNote");
    complete(request, Map.of(PARTNER_ANSWER.name(), "decline", PARTNER_NOTE.name(), "Outside our region"));
    assertThatThrownBy(() -> complete(request, Map.of(COORDINATOR_DECISION.name(), "withdraw",
        PARTNER_AGENCY.name(), "veritas")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("coordinatorNote");
    complete(request, Map.of(COORDINATOR_DECISION.name(), "withdraw", PARTNER_AGENCY.name(), "veritas",
        COORDINATOR_NOTE.name(), "The person returned to Moldova on her own"));

    assertThat(request).isEnded().hasPassed(Elements.REQUEST_WITHDRAWN).hasNotPassed(Elements.RECORD_PARTNER_OUTCOME);
  }

  // --- helpers

  /**
   * An open NRS case (code {@link #caseCode}) whose informed consent lets it be shared with these agencies. The
   * requesting agency (La Strada) is among them where it is to be told the answer: the consent registry decides.
   */
  private void openCaseSharingWith(String... agencies) {
    ProcessInstance nrsCase = PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(NrsCaseProcess.KEY, caseCode,
        new HashMap<>(Map.of(CHANNEL.name(), "ngo", LOCATION.name(), "moldova",
            CATEGORY.name(), "trafficking", MINOR.name(), false,
            SEX.name(), "female", AGE_BAND.name(), "18+", IMMEDIATE_DANGER.name(), false))));
    engine.getTaskService().complete(task(nrsCase).getId(), FormSubmission.of(new IdentificationInterviewForm(
        LocalDate.of(2026, 2, 2), List.of("deception"), List.of("labour"), "presumed-victim", null, null)));
    engine.getTaskService().complete(task(nrsCase).getId(), InformedConsent.given(agencies)
        .informingPartnerAbroad().submission());
  }

  private Map<String, Object> requestForm() {
    return new HashMap<>(Map.of(CASE_CODE.name(), caseCode, PARTNER_AGENCY.name(), "veritas",
        ASSISTANCE_NEEDED.name(), List.of("shelter", "return-support"),
            REQUEST_NOTE.name(), "Stranded in Odesa, wants to come home"));
  }

  private ProcessInstance request() {
    return start(requestForm());
  }

  private ProcessInstance requestAs(String userId) {
    engine.getIdentityService().setAuthentication(userId, List.of("la-strada", "caseworkers"));
    try {
      return request();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessInstance start(Map<String, Object> form) {
    return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(OutboundReferralProcess.KEY).latestVersion().singleResult().getId(), form);
  }
}
