package md.nrs.referral.analytics;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.PlatformHttp.WebappSession;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Bottleneck figures from generated history with known durations: medians and 90th percentiles in the bucket
 * of the exact value (the daily summary keeps a histogram), exact waiting, overdue, completed and breach counts, over the Java API, the REST API (JSON and CSV) and the Cockpit
 * plugin's resource with a real Cockpit login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-analytics;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BottleneckAnalyticsTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Duration HOUR = Duration.ofHours(1);
  private static final String SECOND_AGENCY = "cap-chisinau";
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** March 2026 in Chisinau (UTC+2 until the 29th, UTC+3 after). */
  private static final String FROM = "2026-03-01";
  private static final String TO = "2026-03-31";
  private static final Instant IN_MARCH = LocalDate.of(2026, 3, 2).atStartOfDay(PlatformClock.zone()).toInstant();
  private static final Instant NOW = LocalDate.of(2026, 4, 1).atTime(9, 0).atZone(PlatformClock.zone()).toInstant();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired BottleneckQueries queries;
  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private String definitionId;

  @BeforeAll
  void generateHistory() {
    TestUsers.ensure(engine, "an.manager", PASSWORD, "managers");
    TestUsers.ensure(engine, "an.caseworker", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "an.policy", PASSWORD, "policy-staff");
    AnalyticsHistory history = new AnalyticsHistory(engine, jdbc);
    definitionId = history.deploy();
    try {
      // ten instances in March: the quick step takes 1..4 minutes (cycling), the slow step 1..10 hours
      for (int i = 1; i <= 10; i++) {
        ProcessInstance instance = history.run(IN_MARCH.plus(Duration.ofDays(i)), MINUTE.multipliedBy((i - 1) % 4 + 1),
            HOUR.multipliedBy(i));
        if (i <= 3) { // three of them breached the slow step's time limit, recorded in March
          Instant due = IN_MARCH.plus(Duration.ofDays(i)).plus(HOUR);
          history.breach(history.taskOf(instance, AnalyticsHistory.WAIT), AnalyticsHistory.WAIT, due, due.plus(HOUR));
        }
      }
      // one in February, very slow, and its breach in February: outside the period
      ProcessInstance february = history.run(IN_MARCH.minus(Duration.ofDays(20)), MINUTE, HOUR.multipliedBy(100));
      Instant februaryDue = IN_MARCH.minus(Duration.ofDays(19));
      history.breach(history.taskOf(february, AnalyticsHistory.WAIT), AnalyticsHistory.WAIT, februaryDue,
          februaryDue.plus(HOUR));
      // three still waiting in the slow step: one past its due date, one already recorded as a breach
      // (its due date since extended), one on time
      Instant start = IN_MARCH.plus(Duration.ofDays(25));
      history.waitInSlowTask(start, MINUTE, Date.from(NOW.minus(HOUR)));
      Task extended = history.waitInSlowTask(start, MINUTE, Date.from(NOW.plus(Duration.ofDays(3))));
      history.breach(extended.getId(), AnalyticsHistory.WAIT, start.plus(HOUR), start.plus(HOUR.multipliedBy(2)));
      Task alsoForCap = history.waitInSlowTask(start, MINUTE, Date.from(NOW.plus(Duration.ofDays(3))));
      engine.getTaskService().addCandidateGroup(alsoForCap.getId(), SECOND_AGENCY); // offered to two agencies
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSummaryKeptAsActivitiesEndIsTheOneRebuiltFromTheHistoryAndIsRebuiltOnlyOnce() throws Exception {
    String rows = "SELECT * FROM nrs_activity_day WHERE proc_def_key = ? ORDER BY on_day, act_id, agency";
    List<java.util.Map<String, Object>> keptAsTheyEnded = jdbc.queryForList(rows, AnalyticsHistory.KEY);

    boolean rebuiltAgain = ActivitySummary.rebuildOnce(jdbc.getDataSource());
    List<java.util.Map<String, Object>> afterASecondStart = jdbc.queryForList(rows, AnalyticsHistory.KEY);
    try (var connection = jdbc.getDataSource().getConnection(); var statement = connection.createStatement()) {
      ActivitySummary.rebuild(statement);
    }
    List<java.util.Map<String, Object>> rebuilt = jdbc.queryForList(rows, AnalyticsHistory.KEY);

    assertThat(rebuiltAgain).as("the start-up rebuild is marked done").isFalse();
    assertThat(afterASecondStart).isEqualTo(keptAsTheyEnded);
    // 11 instances, each through start, two tasks and end; 3 waiting in the slow step: durations and offers alike
    assertThat(keptAsTheyEnded.stream().filter(r -> "".equals(r.get("AGENCY"))).mapToLong(r -> ((Number) r.get("COMPLETED")).longValue())
        .sum()).isEqualTo(11 * 4 + 3 * 2);
    assertThat(rebuilt).isEqualTo(keptAsTheyEnded);
  }

  private Period march() {
    return Period.ofDays(FROM, TO, NOW);
  }

  private ActivityFigures figuresOf(List<ActivityFigures> figures, String activityId) {
    return figures.stream().filter(f -> f.activityId().equals(activityId)).findFirst().orElseThrow();
  }

  @Test
  void theSlowStepHasItsMedianAndPercentileInTheirBucketsAndExactCounts() {
    ActivityFigures slow = figuresOf(queries.forProcess(AnalyticsHistory.KEY, march(), NOW), AnalyticsHistory.WAIT);

    assertThat(slow.completed()).isEqualTo(10);
    assertInTheBucketOf(slow.medianMillis(), HOUR.multipliedBy(11).toMillis() / 2); // exact: 5.5 h, in [4 h, 6 h)
    assertInTheBucketOf(slow.p90Millis(), Duration.ofMinutes(9 * 60 + 6).toMillis()); // exact: 9.1 h, in [8 h, 12 h)
    assertThat(slow.waiting()).isEqualTo(3);
    assertThat(slow.overdue()).isEqualTo(2);
    assertThat(slow.breaches()).isEqualTo(4); // three completed + one still open; February's is outside
    assertThat(slow.breachRate()).isEqualTo(4.0 / 13);
    assertThat(slow.agency()).isEqualTo(AnalyticsHistory.AGENCY);
    assertThat(slow.activityName()).isEqualTo("Slow step");
    assertThat(slow.processDefinitionId()).isEqualTo(definitionId);
  }

  @Test
  void theQuickStepHasItsOwnFiguresAndNothingWaiting() {
    ActivityFigures quick = figuresOf(queries.forProcess(AnalyticsHistory.KEY, march(), NOW), AnalyticsHistory.QUICK);

    // ten in March (1,2,3,4,1,2,3,4,1,2 minutes) and the three now waiting further on (1 minute each)
    assertThat(quick.completed()).isEqualTo(13);
    assertInTheBucketOf(quick.medianMillis(), MINUTE.multipliedBy(2).toMillis());
    // sorted: 1×6, 2×3, 3×2, 4×2; exact: position 0.9 × 12 = 10.8 → 3 + 0.8 × (4 − 3) minutes, in [2 min, 5 min)
    assertInTheBucketOf(quick.p90Millis(), Duration.ofSeconds(3 * 60 + 48).toMillis());
    assertThat(quick.waiting()).isZero();
    assertThat(quick.overdue()).isZero();
    assertThat(quick.breaches()).isZero();
  }

  @Test
  void aPeriodWithoutHistoryHasNoDurationsButStillTheTokensWaitingNow() {
    Period january = Period.ofDays("2026-01-01", "2026-01-31", NOW);

    ActivityFigures slow = figuresOf(queries.forProcess(AnalyticsHistory.KEY, january, NOW), AnalyticsHistory.WAIT);

    assertThat(slow.completed()).isZero();
    assertThat(slow.medianMillis()).isNull();
    assertThat(slow.waiting()).isEqualTo(3);
    assertThat(slow.breaches()).isZero();
  }

  @Test
  void theDashboardPutsTheSlowStepAboveTheQuickOne() {
    List<ActivityFigures> top = queries.topBottlenecks(march(), NOW, 50).stream()
        .filter(f -> f.processDefinitionKey().equals(AnalyticsHistory.KEY)).toList();

    assertThat(top.stream().map(ActivityFigures::activityId).distinct())
        .containsExactly(AnalyticsHistory.WAIT, AnalyticsHistory.QUICK);
  }

  @Test
  void theDashboardHasOneRowPerStepAndAgencyNamedAsInTheDirectoryColouredByTheTimeLimit() {
    List<ActivityFigures> slow = queries.topBottlenecks(march(), NOW, 50).stream()
        .filter(f -> f.processDefinitionKey().equals(AnalyticsHistory.KEY) && f.activityId().equals(AnalyticsHistory.WAIT))
        .toList();

    assertThat(slow).extracting(ActivityFigures::agency).containsExactly(AnalyticsHistory.AGENCY, SECOND_AGENCY);
    ActivityFigures laStrada = slow.get(0);
    ActivityFigures cap = slow.get(1);
    assertThat(laStrada.agencyName()).isEqualTo("La Strada (NGO)");
    assertThat(cap.agencyName()).startsWith("Centre for Assistance and Protection");
    assertThat(laStrada.waiting()).isEqualTo(3);
    assertThat(laStrada.overdue()).isEqualTo(2);
    assertThat(laStrada.overdueShare()).isEqualTo(2.0 / 3);
    assertThat(laStrada.limitUsed()).as("the task past its due date has used more than its limit").isGreaterThan(1.0);
    assertThat(laStrada.status()).isEqualTo(TimeLimitStatus.OVERDUE);
    assertThat(cap.waiting()).isEqualTo(1);
    assertThat(cap.overdue()).isZero();
    assertThat(cap.limitUsed()).isBetween(0.5, 0.75);
    // nothing of CAP's is overdue, but 4 of the step's 13 went past the limit in March (31% ≥ 25%)
    assertThat(cap.status()).isEqualTo(TimeLimitStatus.AT_RISK);
  }

  @Test
  void aStepWithNothingWaitingAndNothingLateIsOnTimeHoweverSlowTheOthers() {
    ActivityFigures quick = queries.topBottlenecks(march(), NOW, 50).stream()
        .filter(f -> f.processDefinitionKey().equals(AnalyticsHistory.KEY) && f.activityId().equals(AnalyticsHistory.QUICK))
        .findFirst().orElseThrow();

    assertThat(quick.timeLimit()).as("the SLA table's default row").isEqualTo("5 working days");
    assertThat(quick.status()).isEqualTo(TimeLimitStatus.ON_TIME);
  }

  @Test
  void aManagerReadsTheBottlenecksOverRestAndAsCsv() throws Exception {
    PlatformHttp http = new PlatformHttp(port);
    var credentials = basic("an.manager", PASSWORD);

    var answer = http.get("/api/analytics/processes/" + AnalyticsHistory.KEY + "/activities?from=" + FROM + "&to=" + TO,
        credentials);
    var csv = http.get("/api/analytics/bottlenecks.csv?from=" + FROM + "&to=" + TO + "&limit=200", credentials);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode slow = activity(json.readTree(answer.body()), AnalyticsHistory.WAIT);
    assertThat(slow.get("completed").asLong()).isEqualTo(10);
    assertInTheBucketOf(slow.get("medianMillis").asLong(), 19_800_000L);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("content-type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith(ActivityFigures.CSV_HEADER + "\r\n")
        .contains(AnalyticsHistory.KEY + "," + definitionId + "," + AnalyticsHistory.WAIT + ",Slow step,userTask,3,");
  }

  @Test
  void aCaseworkerIsRefusedTheRestApiAndABadDateIsA400() {
    PlatformHttp http = new PlatformHttp(port);

    var refused = http.get("/api/analytics/bottlenecks", basic("an.caseworker", PASSWORD));
    var badDate = http.get("/api/analytics/bottlenecks?from=March", basic("an.manager", PASSWORD));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Only managers and administrators");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("'from' must be a date");
  }

  @Test
  void theCockpitPluginAnswersAManagersCockpitSession() throws Exception {
    PlatformHttp http = new PlatformHttp(port);
    WebappSession manager = http.login("cockpit", "an.manager", PASSWORD);
    String base = "/camunda/api/cockpit/plugin/" + AnalyticsCockpitPlugin.ID + "/default/";

    var overlay = http.get(base + "process-definition/" + definitionId + "/activities?from=" + FROM + "&to=" + TO, manager);
    var dashboard = http.get(base + "bottlenecks?from=" + FROM + "&to=" + TO, manager);
    var script = http.get("/camunda/api/cockpit/plugin/" + AnalyticsCockpitPlugin.ID + "/static/app/plugin.js", manager);

    assertThat(overlay.status()).as(overlay.toString()).isEqualTo(200);
    JsonNode slow = activity(json.readTree(overlay.body()).get("activities"), AnalyticsHistory.WAIT);
    assertThat(slow.get("waiting").asLong()).isEqualTo(3);
    assertInTheBucketOf(slow.get("p90Millis").asLong(), 32_760_000L);
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains(AnalyticsHistory.WAIT);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("cockpit.processDefinition.diagram.plugin").contains("cockpit.dashboard");
  }

  @Test
  void theCockpitPluginRefusesPolicyStaffAndCaseworkers() {
    PlatformHttp http = new PlatformHttp(port);
    String path = "/camunda/api/cockpit/plugin/" + AnalyticsCockpitPlugin.ID + "/default/bottlenecks";

    var policy = http.get(path, http.login("cockpit", "an.policy", PASSWORD));
    WebappSession caseworker = http.login("cockpit", "an.caseworker", PASSWORD);
    var caseworkerAnswer = http.get(path, caseworker);

    assertThat(policy.status()).isEqualTo(403);
    assertThat(policy.body()).contains("Only managers and administrators");
    assertThat(caseworker.loginResponse().status()).isEqualTo(403); // no Cockpit access at all
    assertThat(caseworkerAnswer.status()).isIn(401, 403);
  }

  /** An approximate percentile is in the histogram bucket that holds the exact one. */
  private static void assertInTheBucketOf(Long approximate, long exact) {
    int bucket = ActivityDurations.bucket(exact);
    assertThat(approximate).as("in the bucket of %d ms", exact).isNotNull()
        .isGreaterThanOrEqualTo(ActivityDurations.lowerBound(bucket));
    assertThat(ActivityDurations.bucket(approximate)).as("bucket of %d ms (exact %d ms)", approximate, exact)
        .isEqualTo(bucket);
  }

  private static JsonNode activity(JsonNode array, String activityId) {
    for (JsonNode node : array) {
      if (node.get("activityId").asText().equals(activityId)) {
        return node;
      }
    }
    throw new AssertionError(activityId + " not in " + array);
  }
}
