package md.nrs.referral.monitoring;

import static md.nrs.referral.monitoring.MonitoringProcess.ADULT_SERVICE_TAKING_OVER;
import static md.nrs.referral.monitoring.MonitoringProcess.AGE_BAND;
import static md.nrs.referral.monitoring.MonitoringProcess.CASE_CODE;
import static md.nrs.referral.monitoring.MonitoringProcess.HANDED_OVER_ON;
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
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.monitoring.MonitoringProcess.Elements;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcessTest
class MonitoringProcessTest extends CalledProcessTestSupport {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

  @Autowired private PersonalDataVault vault;
  @Autowired private JdbcTemplate jdbc;

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
    ProcessInstance monitoring = start(false);

    for (int visit = 1; visit <= 4; visit++) {
      Job followUpDue = job(monitoring);
      assertThat(followUpDue.getDuedate()).as("visit %d due 3 months after the last", visit).isEqualTo(monthsAfter(now, 3));
      fire(followUpDue);
      assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
      complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), SITUATION.name(), "improving",
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
    complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), SITUATION.name(), "stable",
        NEW_RISK.name(), false));
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_DUE);

    fire(job(monitoring));
    complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).minusDays(1).toString(),
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

    complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), SITUATION.name(), "stable",
        NEW_RISK.name(), false));
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_DUE);
  }

  @Test
  void aNewRiskWithoutADescriptionIsRefusedAndTheVisitStaysOpen() {
    ProcessInstance monitoring = start(false);
    fire(job(monitoring));

    assertThatThrownBy(() -> complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        SITUATION.name(), "worsening", NEW_RISK.name(), true)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("newRiskNote: is required when a new risk was found");
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
  }

  @Test
  void aVisitDatedInTheFutureOrWithoutItsFindingsIsRefused() {
    ProcessInstance monitoring = start(false);
    fire(job(monitoring));

    assertThatThrownBy(() -> complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(2).toString(),
        SITUATION.name(), "stable", NEW_RISK.name(), false)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("visitedOn: cannot be in the future");
    assertThatThrownBy(() -> complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString())))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("newRisk: say whether a new risk was found")
        .hasMessageContaining("situation: choose the situation");
    assertThat(monitoring).isWaitingAt(Elements.FOLLOW_UP_VISIT);
  }

  @Test
  void aChildIsVisitedBeyondTheFourVisitsUntilTheEighteenthBirthdayFromTheVaultThenHandedOverToAdultServices() {
    LocalDate bornOn = LocalDate.now(CHISINAU).minusYears(18).plusDays(60);
    vault.store(caseCode, new PersonRecord(null, null, bornOn, null, null, null, null, null, null, null), "tester", "mdt-chisinau");
    ProcessInstance monitoring = start(true);

    for (int visit = 1; visit <= 5; visit++) {
      assertThat(monitoring).as("visit %d", visit).isWaitingAt(Elements.FOLLOW_UP_OR_EIGHTEEN);
      assertThat(timer(monitoring, Elements.EIGHTEENTH_BIRTHDAY).getDuedate()).as("from the vault's date of birth")
          .isEqualTo(startOfDay(bornOn.plusYears(18)));
      Job followUpDue = timer(monitoring, Elements.CHILD_FOLLOW_UP_DUE);
      assertThat(followUpDue.getDuedate()).isEqualTo(monthsAfter(now, 3));
      fire(followUpDue);
      complete(monitoring, Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), SITUATION.name(), "stable",
          NEW_RISK.name(), false));
    }
    assertThat(monitoring).isNotEnded().hasNotPassed(Elements.MONITORING_COMPLETED).variables()
        .containsEntry(FOLLOW_UPS_DONE.name(), 5);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(monitoring.getId()).list())
        .as("neither the date of birth nor the birthday is a variable")
        .noneMatch(v -> String.valueOf(v.getValue()).contains(bornOn.toString())
            || String.valueOf(v.getValue()).contains(bornOn.plusYears(18).toString()));

    // the day before the birthday: the timer is fired by hand, the executor cannot take it at the same time
    ClockUtil.setCurrentTime(Date.from(startOfDay(bornOn.plusYears(18)).toInstant().minus(1, ChronoUnit.DAYS)));
    fire(timer(monitoring, Elements.EIGHTEENTH_BIRTHDAY));

    assertThat(monitoring).isWaitingAt(Elements.HAND_OVER_TO_ADULT_SERVICES);
    assertThat(task(monitoring)).hasCandidateGroup("mdt-chisinau");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(monitoring.getId())
        .activityId(Elements.CHILD_FOLLOW_UP_DUE).count()).as("no more visits as a child").isZero();
    complete(monitoring, FormSubmission.of(new HandOverToAdultServicesForm("territorial-social-assistance",
        LocalDate.now(CHISINAU))));

    assertThat(monitoring).isEnded().hasPassed(Elements.HANDED_OVER_TO_ADULT_SERVICES).variables()
        .containsEntry(MONITORING_OUTCOME.name(), MonitoringProcess.OUTCOME_COMPLETED)
        .containsEntry(ADULT_SERVICE_TAKING_OVER.name(), "territorial-social-assistance");
    assertThat(jdbc.queryForList("select detail from nrs_audit where case_code = ? and actor = 'platform'"
        + " and action = 'PERSONAL_DATA_READ'", String.class, caseCode)).as("each timer's read of the vault is audited")
        .hasSize(6).allMatch(detail -> detail.equals(EighteenthBirthday.PURPOSE));
  }

  @Test
  void withoutADateOfBirthTheChildsAgeBandGivesTheLatestPossibleEighteenthBirthday() {
    ProcessInstance monitoring = start(true, "7-17");

    assertThat(timer(monitoring, Elements.EIGHTEENTH_BIRTHDAY).getDuedate())
        .as("youngest of the band (7) on the day the case was registered: 11 years later")
        .isEqualTo(startOfDay(LocalDate.ofInstant(now, CHISINAU).plusYears(11)));
  }

  @Test
  void aChildWhoseAgeIsUnknownIsCountedAsTheYoungestSoNeverHandedOverEarly() {
    ProcessInstance monitoring = start(true, "unknown");

    assertThat(timer(monitoring, Elements.EIGHTEENTH_BIRTHDAY).getDuedate())
        .isEqualTo(startOfDay(LocalDate.ofInstant(now, CHISINAU).plusYears(18)));
  }

  @Test
  void aHandOverDatedInTheFutureOrToAnUnknownServiceIsRefusedNamingTheFields() {
    vault.store(caseCode, new PersonRecord(null, null, LocalDate.now(PlatformClock.zone()).minusYears(18).plusDays(10), null, null, null, null,
        null, null, null), "tester", "mdt-chisinau");
    ProcessInstance monitoring = start(true);
    fire(timer(monitoring, Elements.EIGHTEENTH_BIRTHDAY));

    assertThatThrownBy(() -> complete(monitoring, Map.of(ADULT_SERVICE_TAKING_OVER.name(), "the-neighbour",
        HANDED_OVER_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(3).toString())))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("adultServiceTakingOver").hasMessageContaining("handedOverOn: cannot be in the future");
    assertThat(monitoring).isWaitingAt(Elements.HAND_OVER_TO_ADULT_SERVICES);
  }

  private static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(CHISINAU).toInstant());
  }

  private ProcessInstance start(boolean minor) {
    return start(minor, minor ? "7-17" : "18+");
  }

  private ProcessInstance start(boolean minor, String ageBand) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), minor);
    variables.put(AGE_BAND.name(), ageBand);
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
