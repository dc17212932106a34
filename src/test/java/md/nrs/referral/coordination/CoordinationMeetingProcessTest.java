package md.nrs.referral.coordination;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.REFERRAL_SUMMARY;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.ACTION_ITEMS_AGREED;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.ACTION_NOTE;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.ACTION_OUTCOME;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.ACTION_TO_TAKE;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.AGENDA;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.AGENDA_CASE_CODES;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.AGENDA_SINCE;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.BREACHES_ON_AGENDA;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.DISTRICT;
import static md.nrs.referral.coordination.CoordinationMeetingProcess.INCIDENTS_ON_AGENDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.coordination.CoordinationMeetingProcess.Elements;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.sla.SlaWatch;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.StartsCasesProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coordination meetings: the quarterly timer starts one meeting per configured district (here Chisinau for
 * every case and the Transnistria region for Interaction's cases), the agenda lists open cases by code, and
 * each action item becomes a task for the agency named. Cases start for real to give the agenda something.
 */
@StartsCasesProcessTest
@TestPropertySource(properties = {"nrs.coordination-meetings.districts[0].id=chisinau",
    "nrs.coordination-meetings.districts[1].id=transnistria", "nrs.coordination-meetings.districts[1].teams[0]=interaction"})
class CoordinationMeetingProcessTest {

  private static final List<String> PRESENT = List.of("cctp", "la-strada", "interaction", "nrs-coordinators");
  private static final String DECIDED = "NRS-2026-000001: the police report back on the investigation";

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
  /** The engine evaluates cron expressions in the server's time zone (the server should run on Chisinau time). */
  private static final ZoneId SERVER = ZoneId.systemDefault();
  private static final AtomicInteger MEETINGS = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired SlaWatch slaWatch;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetTheEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void meetingsAreDueQuarterlyOnTheFifteenthAt0900ByDefault() {
    assertThat(CoordinationMeetingProperties.QUARTERLY).isEqualTo("0 0 9 15 1,4,7,10 ?");
    ClockUtil.setCurrentTime(at(2026, 12, 1, 12, 0));
    engine.getManagementService().recalculateJobDuedate(timerJob().getId(), false);
    assertThat(nextFiring()).isEqualTo(ZonedDateTime.of(2027, 1, 15, 9, 0, 0, 0, SERVER));

    ClockUtil.setCurrentTime(at(2027, 1, 15, 12, 0));
    engine.getManagementService().recalculateJobDuedate(timerJob().getId(), false);
    assertThat(nextFiring()).isEqualTo(ZonedDateTime.of(2027, 4, 15, 9, 0, 0, 0, SERVER));
  }

  @Test
  void whenMeetingsAreDueEachConfiguredDistrictGetsItsOwnMeetingOnce() {
    ClockUtil.setCurrentTime(at(2027, 4, 15, 9, 0));
    engine.getManagementService().executeJob(timerJob().getId());

    for (String district : List.of("chisinau", "transnistria")) {
      ProcessInstance meeting = meeting("meeting-" + district + "-2027-Q2");
      assertThat(meeting).isWaitingAt(Elements.RECORD_MEETING).hasPassed(Elements.BUILD_AGENDA)
          .variables().containsEntry(DISTRICT.name(), district).containsEntry(AGENDA_SINCE.name(), "2027-01-15");
      assertThat(task(meeting)).hasCandidateGroup(CoordinationMeetingProcess.NRS_COORDINATORS);
    }
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(Elements.DISTRICT_MEETINGS_STARTED).count()).isPositive();

    // the timer fires again at the same moment (a retried job): no second meeting for the quarter
    engine.getManagementService().executeJob(timerJob().getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CoordinationMeetingProcess.KEY)
        .processInstanceBusinessKey("meeting-chisinau-2027-Q2").count()).isEqualTo(1);
  }

  @Test
  void theAgendaListsOpenCasesWithBreachesSafetyIncidentsAndFailedStepsByCaseCodeOnly() {
    ClockUtil.setCurrentTime(at(2027, 2, 1, 10, 0));
    ProcessInstance chisinauCase = startCase("moldova");
    ProcessInstance trustlineCase = startCase("transnistria");
    ProcessInstance closedCase = startCase("moldova");
    // a month later every identification interview is overdue; the sweep records the breaches
    ClockUtil.setCurrentTime(at(2027, 3, 1, 10, 0));
    new TransactionTemplate(transactions).executeWithoutResult(status -> slaWatch.sweep(ClockUtil.getCurrentTime().toInstant()));
    engine.getRuntimeService().deleteProcessInstance(closedCase.getId(), "test: the case ended");
    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_SAFETY_INCIDENT)
        .processInstanceId(trustlineCase.getId()).correlate();
    // the case waits in more than one place at once (identification beside the child's first steps): the incident
    // belongs to the execution at the identification interview
    String atIdentification = engine.getRuntimeService().createExecutionQuery().processInstanceId(chisinauCase.getId())
        .activityId(NrsCaseProcess.Elements.IDENTIFICATION).singleResult().getId();
    engine.getRuntimeService().createIncident("agencyUnreachable", atIdentification, "test", "agency system unreachable");

    ProcessInstance chisinau = startMeeting("chisinau", "2027-02-01");
    String agenda = (String) engine.getRuntimeService().getVariable(chisinau.getId(), AGENDA.name());
    assertThat(agenda).contains(chisinauCase.getBusinessKey() + ": UserTask_IdentificationInterview (mdt-chisinau)")
        .contains(trustlineCase.getBusinessKey() + ": UserTask_IdentificationInterview (interaction)")
        .contains(trustlineCase.getBusinessKey() + ": safety incident, urgent risk review still open")
        .contains(chisinauCase.getBusinessKey() + ": a step failed")
        .doesNotContain(closedCase.getBusinessKey());
    assertThat(agenda.lines().filter(line -> line.startsWith("- "))).allMatch(line -> CaseCodes.FORMAT.matcher(line.substring(2, line.indexOf(':'))).matches());
    assertThat(codes(chisinau)).contains(chisinauCase.getBusinessKey(), trustlineCase.getBusinessKey())
        .doesNotContain(closedCase.getBusinessKey());
    assertThat((Integer) engine.getRuntimeService().getVariable(chisinau.getId(), BREACHES_ON_AGENDA.name())).isGreaterThanOrEqualTo(2);
    assertThat((Integer) engine.getRuntimeService().getVariable(chisinau.getId(), INCIDENTS_ON_AGENDA.name())).isGreaterThanOrEqualTo(2);

    // the Transnistria meeting discusses Interaction's cases only
    ProcessInstance transnistria = startMeeting("transnistria", "2027-02-01");
    assertThat(codes(transnistria)).contains(trustlineCase.getBusinessKey()).doesNotContain(chisinauCase.getBusinessKey());
  }

  @Test
  void anAgendaWithNothingToDiscussSaysSo() {
    ProcessInstance meeting = startMeeting("transnistria", "2099-01-01");

    assertThat((String) engine.getRuntimeService().getVariable(meeting.getId(), AGENDA.name()))
        .endsWith("No time limit breached and no incident in open cases.");
    assertThat(codes(meeting)).isEmpty();
  }

  @Test
  void eachActionItemBecomesATaskForTheAgencyNamedDueAtTheEndOfTheAgreedDay() {
    ProcessInstance meeting = startMeeting("chisinau", "2027-01-01");
    LocalDate inTwoWeeks = LocalDate.now(CHISINAU).plusDays(14);
    Map<String, Object> form = FormSubmission.of(new RecordCoordinationMeetingForm(LocalDate.now(CHISINAU), PRESENT,
        DECIDED, "cctp", "Report on the investigation of case NRS-2026-000001", inTwoWeeks,
        null, null, null,
        "la-strada", "Share the hotline statistics of the quarter", inTwoWeeks.plusDays(7)));
    engine.getTaskService().complete(task(meeting).getId(), form);

    assertThat(meeting).hasPassed(Elements.LIST_ACTION_ITEMS).variables().containsEntry(ACTION_ITEMS_AGREED.name(), true);
    List<Task> items = engine.getTaskService().createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey(Elements.ACTION_ITEM).orderByDueDate().asc().list();
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).hasCandidateGroup("cctp");
    assertThat(items.get(0).getDueDate()).isEqualTo(Date.from(inTwoWeeks.atTime(17, 0).atZone(CHISINAU).toInstant()));
    assertThat(engine.getTaskService().getVariableLocal(items.get(0).getId(), ACTION_TO_TAKE.name()))
        .isEqualTo("Report on the investigation of case NRS-2026-000001");
    assertThat(items.get(1)).hasCandidateGroup("la-strada");
    assertThat(items.get(1).getDueDate()).isEqualTo(Date.from(inTwoWeeks.plusDays(7).atTime(17, 0).atZone(CHISINAU).toInstant()));

    assertThatThrownBy(() -> engine.getTaskService().complete(items.get(1).getId(), Map.of(ACTION_OUTCOME.name(), "not-done")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("actionNote");
    engine.getTaskService().complete(items.get(0).getId(), Map.of(ACTION_OUTCOME.name(), "done"));
    assertThat(meeting).isWaitingAt(Elements.ACTION_ITEM);
    engine.getTaskService().complete(items.get(1).getId(), Map.of(ACTION_OUTCOME.name(), "not-done",
        ACTION_NOTE.name(), "Statistics not yet validated; next meeting"));
    assertThat(meeting).isEnded().hasPassed(Elements.ACTION_ITEMS_DONE);
  }

  @Test
  void aDistrictMeetingGivesAnActionItemToItsOwnTeamAndAnAgencyNotInTheDirectoryIsRefusedAtItsField() {
    ProcessInstance meeting = startMeeting("balti", "2027-01-01");
    LocalDate nextWeek = LocalDate.now(CHISINAU).plusDays(7);
    Map<String, Object> madeUp = FormSubmission.of(new RecordCoordinationMeetingForm(LocalDate.now(CHISINAU),
        List.of("mdt-balti", "guardianship-balti", "no-such-agency"), DECIDED,
        "mdt-balti-typo", "Visit the family", nextWeek, null, null, null, null, null, null));

    assertThatThrownBy(() -> engine.getTaskService().complete(task(meeting).getId(), madeUp))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("participants").hasMessageContaining("is not an active agency of the directory")
        .hasMessageContaining("actionItem1Agency");
    assertThat(meeting).isWaitingAt(Elements.RECORD_MEETING);

    engine.getTaskService().complete(task(meeting).getId(), FormSubmission.of(new RecordCoordinationMeetingForm(
        LocalDate.now(CHISINAU), List.of("mdt-balti", "guardianship-balti", "nrs-coordinators"), DECIDED,
        "guardianship-balti", "Visit the family", nextWeek, null, null, null, null, null, null)));
    assertThat(task(meeting)).hasCandidateGroup("guardianship-balti");
  }

  @Test
  void aMeetingWithoutActionItemsEndsOnceRecorded() {
    ProcessInstance meeting = startMeeting("chisinau", "2027-01-01");
    engine.getTaskService().complete(task(meeting).getId(), meetingForm());

    assertThat(meeting).isEnded().hasPassed(Elements.MEETING_RECORDED).hasNotPassed(Elements.ACTION_ITEM);
  }

  @Test
  void anIncompleteMeetingRecordIsRefusedNamingEveryMissingFieldAndTheTaskStaysOpen() {
    ProcessInstance meeting = startMeeting("chisinau", "2027-01-01");
    Map<String, Object> form = FormSubmission.of(new RecordCoordinationMeetingForm(LocalDate.now(CHISINAU), null, DECIDED,
        "gpi", null, null,
        null, "Something without an agency", LocalDate.now(CHISINAU).minusDays(1),
        null, null, null));

    assertThatThrownBy(() -> engine.getTaskService().complete(task(meeting).getId(), form))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("participants").hasMessageContaining("actionItem1Action")
        .hasMessageContaining("actionItem1DueOn").hasMessageContaining("actionItem2Agency")
        .hasMessageContaining("actionItem2DueOn: cannot be in the past");
    assertThat(meeting).isWaitingAt(Elements.RECORD_MEETING);
  }

  /**
   * A meeting record without action items, dated today in Chisinau whatever the JVM's zone: Bean Validation reads
   * the platform clock (ClockConfiguration).
   */
  private Map<String, Object> meetingForm() {
    return FormSubmission.of(new RecordCoordinationMeetingForm(LocalDate.now(CHISINAU), PRESENT, DECIDED,
        null, null, null, null, null, null, null, null, null));
  }

  private ProcessInstance startCase(String location) {
    Map<String, Object> referral = new HashMap<>(Map.of(CHANNEL.name(), "ngo", LOCATION.name(), location,
        CATEGORY.name(), "trafficking",
        MINOR.name(), false, SEX.name(), "female", AGE_BAND.name(), "18+", IMMEDIATE_DANGER.name(), false,
            REFERRAL_SUMMARY.name(), "Referred for the meeting test"));
    return engine.getRuntimeService().startProcessInstanceByKey(NrsCaseProcess.KEY, referral);
  }

  private ProcessInstance startMeeting(String district, String since) {
    String businessKey = "meeting-" + district + "-test-" + MEETINGS.incrementAndGet();
    return PlatformStarts.withBusinessKey(businessKey, () -> engine.getRuntimeService()
        .createMessageCorrelation(CoordinationMeetingProcess.MESSAGE_DISTRICT_MEETING_DUE)
        .processInstanceBusinessKey(businessKey)
        .setVariable(DISTRICT.name(), district).setVariable(AGENDA_SINCE.name(), since)
        .correlateStartMessage());
  }

  private ProcessInstance meeting(String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CoordinationMeetingProcess.KEY)
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  @SuppressWarnings("unchecked")
  private List<String> codes(ProcessInstance meeting) {
    return (List<String>) engine.getRuntimeService().getVariable(meeting.getId(), AGENDA_CASE_CODES.name());
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The timer start job of the latest deployed version. */
  private Job timerJob() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CoordinationMeetingProcess.KEY).latestVersion().singleResult().getId();
    return engine.getManagementService().createJobQuery().processDefinitionId(definitionId).timers().singleResult();
  }

  private ZonedDateTime nextFiring() {
    return ZonedDateTime.ofInstant(timerJob().getDuedate().toInstant(), SERVER);
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CHISINAU).toInstant());
  }
}
