package md.nrs.referral.reporting;

import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORTING_MONTH;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORT_BASIS;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORT_KIND;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORT_NOTE;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.REPORT_REFERENCE;
import static md.nrs.referral.reporting.ReportingDeadlinesProcess.SUBMITTED_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.reporting.ReportingDeadlinesProcess.Elements;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.ProcessTest;
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

@ProcessTest
class ReportingDeadlinesProcessTest {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
  /** The engine evaluates cron expressions in the server's time zone (the server should run on Chisinau time). */
  private static final ZoneId SERVER = ZoneId.systemDefault();

  @Autowired ProcessEngine engine;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetTheEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void deploysWithItsReportingCalendarAndOneTimerForBothReportingSeasons() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ReportingDeadlinesProcess.KEY).latestVersion().singleResult()).isNotNull();
    for (String decision : List.of(ReportingDeadlinesProcess.REPORTS_DUE_DECISION, ReportingDeadlinesProcess.CALENDAR_DECISION)) {
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey(decision).latestVersion().singleResult()).as(decision).isNotNull();
    }

    // Whenever the tests run, the timer waits for 2 January or 2 July, 08:00.
    assertThat(nextFiring().format(DateTimeFormatter.ofPattern("MM-dd HH:mm"))).isIn("01-02 08:00", "07-02 08:00");
  }

  @Test
  void theTimerNextFiresOnTheSecondOfJanuaryAndThenOnTheSecondOfJuly() {
    ClockUtil.setCurrentTime(at(2026, 12, 1, 12, 0));
    engine.getManagementService().recalculateJobDuedate(timerJob().getId(), false);
    assertThat(nextFiring()).isEqualTo(ZonedDateTime.of(2027, 1, 2, 8, 0, 0, 0, SERVER));

    ClockUtil.setCurrentTime(at(2027, 1, 2, 12, 0));
    engine.getManagementService().recalculateJobDuedate(timerJob().getId(), false);
    assertThat(nextFiring()).isEqualTo(ZonedDateTime.of(2027, 7, 2, 8, 0, 0, 0, SERVER));
  }

  @Test
  void onTheSecondOfJanuaryTheCoordinatorsGetTheProvidersAnnualReportsAndTheAnnualReportToTheSecretariat() {
    ProcessInstance season = fire(at(2027, 1, 2, 8, 0));

    assertThat(season).isWaitingAt(Elements.PROVIDER_ANNUAL_REPORT, Elements.SECRETARIAT_ANNUAL_REPORT)
        .hasPassed(Elements.NOTE_REPORTING_MONTH, Elements.REPORTS_DUE, Elements.REPORT_DEADLINE, Elements.SET_REPORT_DUE_DATE)
        .variables().containsEntry(REPORTING_MONTH.name(), 1);

    Task providers = task(season, Elements.PROVIDER_ANNUAL_REPORT);
    assertThat(providers).hasCandidateGroup(ReportingDeadlinesProcess.RESPONSIBLE_GROUP);
    assertThat(providers.getDueDate()).isEqualTo(at(2027, 1, 31, 17, 0));
    assertThat(engine.getTaskService().getVariables(providers.getId()))
        .containsEntry(REPORT_KIND.name(), ReportingDeadlinesProcess.KIND_PROVIDER_ANNUAL)
        .containsEntry(REPORT_BASIS.name(), "Government Decision 898/2015");

    Task secretariat = task(season, Elements.SECRETARIAT_ANNUAL_REPORT);
    assertThat(secretariat).hasCandidateGroup(ReportingDeadlinesProcess.RESPONSIBLE_GROUP);
    assertThat(secretariat.getDueDate()).isEqualTo(at(2027, 1, 15, 17, 0));
    assertThat(engine.getTaskService().getVariables(secretariat.getId()))
        .containsEntry(REPORT_KIND.name(), ReportingDeadlinesProcess.KIND_SECRETARIAT_ANNUAL)
        .containsEntry(REPORT_BASIS.name(), "Government Decision 461/2018");

    engine.getTaskService().complete(secretariat.getId(), validForm("PS-2027/3"));
    assertThat(season).isWaitingAt(Elements.PROVIDER_ANNUAL_REPORT);
    engine.getTaskService().complete(providers.getId(), validForm("NRS-2027/14"));
    assertThat(season).isEnded().hasPassed(Elements.REPORT_SUBMITTED, Elements.REPORTS_SUBMITTED);
  }

  @Test
  void onTheSecondOfJulyTheCoordinatorsGetTheHalfYearReportDueOn15July() {
    ProcessInstance season = fire(at(2027, 7, 2, 8, 0));

    assertThat(season).isWaitingAt(Elements.SECRETARIAT_HALF_YEAR_REPORT);
    Task halfYear = task(season, Elements.SECRETARIAT_HALF_YEAR_REPORT);
    assertThat(halfYear).hasCandidateGroup(ReportingDeadlinesProcess.RESPONSIBLE_GROUP);
    // summer time: 17:00 in Chisinau is 14:00 UTC
    assertThat(halfYear.getDueDate()).isEqualTo(at(2027, 7, 15, 17, 0))
        .isEqualTo(Date.from(ZonedDateTime.of(2027, 7, 15, 14, 0, 0, 0, ZoneId.of("UTC")).toInstant()));

    engine.getTaskService().complete(halfYear.getId(), validForm("PS-2027/41"));
    assertThat(season).isEnded().hasPassed(Elements.REPORTS_SUBMITTED);
  }

  @Test
  void aRunInAMonthWithoutReportsEndsWithoutTasks() {
    String season = fireAndReturnId(at(2027, 3, 10, 8, 0));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(season).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(season).list())
        .extracting(activity -> activity.getActivityId())
        .contains(Elements.REPORTS_DUE, Elements.REPORTS_SUBMITTED)
        .doesNotContain(Elements.REPORT_DEADLINE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(season).count()).isZero();
  }

  @Test
  void aReportStartedAfterItsDeadlineIsDueOnTheDeadlineJustPassedNotNextYears() {
    ProcessInstance season = fire(at(2027, 7, 20, 9, 0));

    assertThat(task(season, Elements.SECRETARIAT_HALF_YEAR_REPORT).getDueDate()).isEqualTo(at(2027, 7, 15, 17, 0));
  }

  @Test
  void aReportDatedInTheFutureOrWithoutReferenceIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance season = fire(at(2027, 7, 2, 8, 0));
    Task task = task(season, Elements.SECRETARIAT_HALF_YEAR_REPORT);

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of(REPORT_REFERENCE.name(), "PS-2027/41",
        SUBMITTED_ON.name(), platformToday().plusDays(3).toString())))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("submittedOn: cannot be in the future");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of(REPORT_REFERENCE.name(), " ",
        SUBMITTED_ON.name(), platformToday().toString())))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("reportReference: is required");

    assertThat(season).isWaitingAt(Elements.SECRETARIAT_HALF_YEAR_REPORT);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  private static Map<String, Object> validForm(String reference) {
    // Bean Validation's "not in the future" reads the real clock, not the engine's
    return Map.of(REPORT_REFERENCE.name(), reference, SUBMITTED_ON.name(), platformToday().toString(),
        REPORT_NOTE.name(), "Two providers reported late");
  }

  /** Sets the engine clock to the moment the timer fires and runs its job by hand; returns the instance it started. */
  private ProcessInstance fire(Date moment) {
    String id = fireAndReturnId(moment);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance).as("the instance the timer started is waiting").isNotNull();
    return instance;
  }

  /** As {@link #fire(Date)}, for an instance that may have ended at once: its id, found in the history. */
  private String fireAndReturnId(Date moment) {
    Set<String> before = instanceIds();
    ClockUtil.setCurrentTime(moment);
    engine.getManagementService().executeJob(timerJob().getId());
    List<String> started = instanceIds().stream().filter(id -> !before.contains(id)).toList();
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private Set<String> instanceIds() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ReportingDeadlinesProcess.KEY)
        .list().stream().map(instance -> instance.getId()).collect(Collectors.toSet());
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** The timer start job of the latest deployed version. */
  private Job timerJob() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ReportingDeadlinesProcess.KEY).latestVersion().singleResult().getId();
    return engine.getManagementService().createJobQuery().processDefinitionId(definitionId).timers().singleResult();
  }

  private ZonedDateTime nextFiring() {
    return ZonedDateTime.ofInstant(timerJob().getDuedate().toInstant(), SERVER);
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CHISINAU).toInstant());
  }

  /** Today for the platform, which follows the engine's moved clock (one clock: PlatformClock). */
  private static LocalDate platformToday() {
    return LocalDate.ofInstant(PlatformClock.now(), CHISINAU);
  }
}
