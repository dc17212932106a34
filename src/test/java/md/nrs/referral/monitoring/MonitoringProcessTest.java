package md.nrs.referral.monitoring;

import static md.nrs.referral.monitoring.MonitoringProcess.CASE_CODE;
import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UPS;
import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UPS_DONE;
import static md.nrs.referral.monitoring.MonitoringProcess.FOLLOW_UP_INTERVAL;
import static md.nrs.referral.monitoring.MonitoringProcess.MINOR;
import static md.nrs.referral.monitoring.MonitoringProcess.MONITORING_OUTCOME;
import static md.nrs.referral.monitoring.MonitoringProcess.NEW_RISK;
import static md.nrs.referral.monitoring.MonitoringProcess.NEW_RISK_NOTE;
import static md.nrs.referral.monitoring.MonitoringProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.monitoring.MonitoringProcess.SITUATION;
import static md.nrs.referral.monitoring.MonitoringProcess.VISITED_ON;
import static md.nrs.referral.monitoring.MonitoringProcess.VISIT_OVERDUE_AFTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.monitoring.MonitoringProcess.Elements;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ProcessTest
class MonitoringProcessTest extends CalledProcessTestSupport {

  /** The engine's clock, held still so that due dates can be checked to the second (timers fire by hand). */
  private Instant now;

  /** Runs after the set-up of {@link CalledProcessTestSupport}: the case code is drawn before the clock is held. */
  @BeforeEach
  void holdTheClock() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void releaseTheClock() {
    ClockUtil.reset();
  }

  @Test
  void deploysWithTheScheduleTable() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MonitoringProcess.KEY).latestVersion().singleResult()).isNotNull();
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(MonitoringProcess.SCHEDULE_DECISION).latestVersion().singleResult()).isNotNull();
  }

  @Test
  void theScheduleIsEveryThreeMonthsForTwelveMonthsForAdultsAndMinorsAlike() {
    for (Boolean minor : new Boolean[] {true, false, null}) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put(MINOR.name(), minor);
      Map<String, Object> schedule = engine.getDecisionService()
          .evaluateDecisionTableByKey(MonitoringProcess.SCHEDULE_DECISION, inputs).getSingleResult().getEntryMap();
      assertThat(schedule).containsEntry(FOLLOW_UP_INTERVAL.name(), "P3M").containsEntry(FOLLOW_UPS.name(), 4)
          .containsEntry(VISIT_OVERDUE_AFTER.name(), "P14D");
    }
  }

  @Test
  void theFirstVisitIsDueThreeMonthsAfterTheStartAndGoesToTheResponsibleTeam() {
    ProcessInstance monitoring = start(false);

    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_DUE)
        .variables().containsEntry(FOLLOW_UP_INTERVAL.name(), "P3M").containsEntry(FOLLOW_UPS.name(), 4)
        .containsEntry(VISIT_OVERDUE_AFTER.name(), "P14D").doesNotContainKey("decisionResult");
    Job followUpDue = job(monitoring);
    assertThat(followUpDue.getDuedate()).isEqualTo(monthsAfter(now, 3));

    fire(followUpDue);

    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
    assertThat(task(monitoring)).hasCandidateGroup("mdt-chisinau");
    assertThat(job(monitoring).getDuedate()).as("visit overdue 14 days after it fell due")
        .isEqualTo(Date.from(now.plus(14, ChronoUnit.DAYS)));
  }

  @Test
  void fourVisitsWithoutANewRiskCompleteMonitoringOneEveryThreeMonths() {
    ProcessInstance monitoring = start(true);

    for (int visit = 1; visit <= 4; visit++) {
      Job followUpDue = job(monitoring);
      assertThat(followUpDue.getDuedate()).as("visit %d due 3 months after the last", visit).isEqualTo(monthsAfter(now, 3));
      fire(followUpDue);
      assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
      complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().toString(), SITUATION.name(), "improving",
          NEW_RISK.name(), false));
    }

    assertThat(monitoring).isEnded().hasPassed(Elements.MONITORING_COMPLETED).hasNotPassed(Elements.NEW_RISK_FOUND)
        .variables().containsEntry(MONITORING_OUTCOME.name(), "completed").containsEntry(FOLLOW_UPS_DONE.name(), 4)
        .doesNotContainKey(NEW_RISK_NOTE.name());
  }

  @Test
  void aNewRiskFoundAtAVisitEndsMonitoringSoThatTheCaseGoesBackToTheNeedsAssessment() {
    ProcessInstance monitoring = start(false);
    fire(job(monitoring));
    complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().toString(), SITUATION.name(), "stable",
        NEW_RISK.name(), false));
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_DUE);

    fire(job(monitoring));
    complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().minusDays(1).toString(),
        SITUATION.name(), "worsening",
        NEW_RISK.name(), true,
            MonitoringProcess.NEW_RISK_NOTE.name(), "Recruiter made contact again with a job offer abroad"));

    assertThat(monitoring).isEnded().hasPassed(Elements.NEW_RISK_FOUND).hasNotPassed(Elements.MONITORING_COMPLETED)
        .variables().containsEntry(MONITORING_OUTCOME.name(), "new-risk")
        .containsEntry(NEW_RISK_NOTE.name(), "Recruiter made contact again with a job offer abroad")
        .containsEntry(FOLLOW_UPS_DONE.name(), 1);
  }

  @Test
  void aVisitNotMadeWithinFourteenDaysIsReportedToTheNrsCoordinatorsAndStaysOpen() {
    ProcessInstance monitoring = start(false);
    fire(job(monitoring));
    Task visit = task(monitoring);

    Job overdue = job(monitoring);
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(now.plus(14, ChronoUnit.DAYS)));
    fire(overdue);

    assertThat(monitoring).hasPassed(Elements.NOTIFY_VISIT_OVERDUE, Elements.OVERDUE_REPORTED)
        .isWaitingAt(Elements.FOLLOW_UP_VISIT);
    assertThat(task(monitoring).getId()).isEqualTo(visit.getId());
    assertThat(outboxOf(monitoring)).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(tuple("nrs-coordinators", Elements.FOLLOW_UP_VISIT));
    assertThat(outboxOf(monitoring).get(0).getRequest()).contains("mdt-chisinau").contains("overdue");

    complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().toString(), SITUATION.name(), "stable",
        NEW_RISK.name(), false));
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_DUE);
  }

  @Test
  void aNewRiskWithoutADescriptionIsRefusedAndTheVisitStaysOpen() {
    ProcessInstance monitoring = start(false);
    fire(job(monitoring));

    assertThatThrownBy(() -> complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().toString(),
        SITUATION.name(), "worsening", NEW_RISK.name(), true)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("newRiskNote: is required when a new risk was found");
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
  }

  @Test
  void aVisitDatedInTheFutureOrWithoutItsFindingsIsRefused() {
    ProcessInstance monitoring = start(false);
    fire(job(monitoring));

    assertThatThrownBy(() -> complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().plusDays(2).toString(),
        SITUATION.name(), "stable", NEW_RISK.name(), false)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("visitedOn: cannot be in the future");
    assertThatThrownBy(() -> complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now().toString())))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("newRisk: say whether a new risk was found")
        .hasMessageContaining("situation: choose the situation");
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
  }

  private ProcessInstance start(boolean minor) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), minor);
    variables.put(RESPONSIBLE_TEAM.name(), "mdt-chisinau");
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(MonitoringProcess.KEY, caseCode, variables));
  }

  /** The date a period of months after the instant, as the engine's calendar counts it (local time kept). */
  private static Date monthsAfter(Instant from, int months) {
    ZoneId zone = ZoneId.systemDefault();
    return Date.from(LocalDateTime.ofInstant(from, zone).plusMonths(months).atZone(zone).toInstant());
  }

  /**
   * Runs a timer job now, before it is due. The engine's clock stays where it is: moved to the due date, the
   * job executor could take the same job at the same time.
   */
  private void fire(Job job) {
    engine.getManagementService().executeJob(job.getId());
  }

  private Job job(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }
}
