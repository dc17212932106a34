package md.nrs.referral.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.analytics.ActivityDurations;
import md.nrs.referral.analytics.ActivitySummary;
import md.nrs.referral.analytics.AnalyticsIndexes;
import md.nrs.referral.analytics.BottleneckQueries;
import md.nrs.referral.analytics.Period;
import md.nrs.referral.testing.PostgresDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The bottleneck dashboard (all processes) and one process's overlay for 30 and 365 days, over a growing
 * history on PostgreSQL: the engine's schema and the platform's tables, the analytics index, then
 * historic activity instances written in SQL (10 processes × 20 steps, a year of history, 2% still
 * waiting; generate_series, so a million rows take seconds), measured at each size.
 */
final class BottleneckBenchmark {

  private static final int PROCESSES = 10;
  private static final int STEPS = 20;
  private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

  private final BenchmarkReport report;
  private final BenchmarkMode mode;
  private final String section;

  BottleneckBenchmark(BenchmarkReport report, BenchmarkMode mode, String section) {
    this.report = report;
    this.mode = mode;
    this.section = section;
    for (String span : List.of("30", "365")) {
      report.define(new BenchmarkReport.Figure("analytics-dashboard-" + span, section, "Bottleneck dashboard, " + span + " days",
          "ms", "historic activity instances", false, "≤ 1 s", null));
      report.define(new BenchmarkReport.Figure("analytics-overlay-" + span, section, "One process's overlay, " + span + " days",
          "ms", "historic activity instances", false, "≤ 1 s", null));
      for (String view : List.of("dashboard", "overlay")) {
        report.target(new BenchmarkReport.Target("analytics-" + view + "-" + span, "5 bottleneck analytics",
            view + ", " + span + " days, ≤ 1 s", 1000, null, true, "the " + view + " sums one row of the daily summary per "
                + "step and day of the period (365 × the steps); a monthly roll-up would read a thirtieth of them"));
      }
      report.define(new BenchmarkReport.Figure("analytics-scan-" + span, section,
          "Reference: the exact history scan the dashboard made before the summary (PERCENTILE_CONT), " + span + " days",
          "ms", "historic activity instances", false, null, null));
    }
  }

  void run() throws Exception {
    String unavailable = PostgresDatabase.unavailableReason();
    if (unavailable != null) {
      report.note(section, "Not measured: " + unavailable);
      return;
    }
    try (PostgresDatabase database = PostgresDatabase.create("bench_")) {
      DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("nrs_schema_history").load().migrate();
      ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
          .setDataSource(dataSource).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
          .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
          .setProcessEngineName("benchmark-analytics");
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        AnalyticsIndexes.create(dataSource);
        definitions(dataSource);
        BottleneckQueries queries = new BottleneckQueries(dataSource);
        int written = 0;
        for (int size : mode.activityRows) {
          long t0 = System.nanoTime();
          generate(dataSource, written, size);
          written = size;
          double grown = (System.nanoTime() - t0) / 1e9;
          // the summary as the first start after the upgrade builds it from existing history (kept as activities
          // end afterwards, which SQL-written history does not do)
          long t1 = System.nanoTime();
          ActivitySummary.rebuild(dataSource);
          double summarised = (System.nanoTime() - t1) / 1e9;
          long summaryRows = count(dataSource, "SELECT COUNT(*) FROM nrs_activity_day");
          report.note(section, String.format(Locale.ROOT, "History grown to %,d historic activity instances in %.1f s; "
              + "summary rebuilt from it in %.1f s (%,d day rows).", size, grown, summarised, summaryRows));
          for (int days : List.of(30, 365)) {
            Period period = new Period(NOW.minus(Duration.ofDays(days)), NOW);
            report.add("analytics-dashboard-" + days, "PostgreSQL", size, times(() -> {
              if (queries.topBottlenecks(period, NOW, 10).isEmpty()) {
                throw new AssertionError("dashboard empty over " + days + " days");
              }
              return null;
            }));
            report.add("analytics-scan-" + days, "PostgreSQL", size, times(() -> exactScan(dataSource, period, null, "CONT")));
            agreeWithTheExactScan(queries, dataSource, period);
            report.add("analytics-overlay-" + days, "PostgreSQL", size, times(() -> {
              if (queries.forProcess("bench-3", period, NOW).isEmpty()) {
                throw new AssertionError("overlay empty over " + days + " days");
              }
              return null;
            }));
          }
        }
      } finally {
        engine.close();
      }
    }
  }

  private List<Double> times(Supplier<Object> query) {
    query.get();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < Math.max(3, mode.runs); i++) {
      long start = System.nanoTime();
      query.get();
      times.add((System.nanoTime() - start) / 1e6);
    }
    return times;
  }

  /**
   * The figures from the summary agree with the exact scan: the same completed count per step, the median and 90th
   * percentile in the bucket of the exact nearest-rank ones (PERCENTILE_DISC: the histogram finds the bucket that
   * holds the value of that rank; PERCENTILE_CONT may fall between two values in different buckets).
   */
  private static void agreeWithTheExactScan(BottleneckQueries queries, DataSource dataSource, Period period) {
    Map<String, long[]> exact = exactScan(dataSource, period, "bench-3", "DISC");
    List<md.nrs.referral.analytics.ActivityFigures> figures = queries.forProcess("bench-3", period, NOW);
    for (md.nrs.referral.analytics.ActivityFigures f : figures) {
      long[] e = exact.get(f.activityId());
      if (e == null ? f.completed() != 0 : f.completed() != e[0]) {
        throw new AssertionError(f.activityId() + ": " + f.completed() + " completed from the summary, "
            + (e == null ? 0 : e[0]) + " in the history");
      }
      if (e != null && (ActivityDurations.bucket(f.medianMillis()) != ActivityDurations.bucket(e[1])
          || ActivityDurations.bucket(f.p90Millis()) != ActivityDurations.bucket(e[2]))) {
        throw new AssertionError(f.activityId() + ": median/p90 " + f.medianMillis() + "/" + f.p90Millis()
            + " ms not in the bucket of the exact " + e[1] + "/" + e[2] + " ms");
      }
    }
  }

  /** The statement the dashboard ran before the summary: every ended activity of the period, exact percentiles. */
  private static Map<String, long[]> exactScan(DataSource dataSource, Period period, String key, String percentile) {
    String sql = """
        SELECT PROC_DEF_KEY_, ACT_ID_, MAX(ACT_NAME_), MAX(ACT_TYPE_), COUNT(*),
               PERCENTILE_%1$s(0.5) WITHIN GROUP (ORDER BY DURATION_),
               PERCENTILE_%1$s(0.9) WITHIN GROUP (ORDER BY DURATION_)
          FROM ACT_HI_ACTINST
         WHERE END_TIME_ >= ? AND END_TIME_ < ? AND DURATION_ IS NOT NULL %2$s
         GROUP BY PROC_DEF_KEY_, ACT_ID_""".formatted(percentile, key == null ? "" : "AND PROC_DEF_KEY_ = ?");
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setTimestamp(1, Timestamp.from(period.from()));
      s.setTimestamp(2, Timestamp.from(period.to()));
      if (key != null) {
        s.setString(3, key);
      }
      Map<String, long[]> rows = new HashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(2), new long[] {r.getLong(5), Math.round(r.getDouble(6)), Math.round(r.getDouble(7))});
        }
      }
      if (rows.isEmpty()) {
        throw new AssertionError("exact scan empty");
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void definitions(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection(); PreparedStatement definition = c.prepareStatement(
        "INSERT INTO ACT_RE_PROCDEF (ID_, REV_, KEY_, VERSION_, NAME_, SUSPENSION_STATE_, HISTORY_TTL_) VALUES (?, 1, ?, 1, ?, 1, 30)")) {
      for (int p = 0; p < PROCESSES; p++) {
        definition.setString(1, "bench-" + p + ":1:1");
        definition.setString(2, "bench-" + p);
        definition.setString(3, "Benchmark " + p);
        definition.addBatch();
      }
      definition.executeBatch();
    }
  }

  /** Rows [from, to): instance i/20, step i%20, started at random in the year before NOW, durations log-normal per step. */
  private static void generate(DataSource dataSource, int from, int to) throws Exception {
    String sql = """
        INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
               ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)
        SELECT 'bench-ai-' || g.i, 'bench-' || ((g.i / 20) % 10), 'bench-' || ((g.i / 20) % 10) || ':1:1',
               'bench-pi-' || (g.i / 20), 'bench-pi-' || (g.i / 20), 'bench-pi-' || (g.i / 20),
               'UserTask_Step' || (g.i % 20), 'Step ' || (g.i % 20),
               CASE WHEN g.i % 20 % 5 = 4 THEN 'exclusiveGateway' ELSE 'userTask' END,
               g.start, CASE WHEN g.waiting THEN NULL ELSE g.start + g.duration * INTERVAL '1 millisecond' END,
               CASE WHEN g.waiting THEN NULL ELSE g.duration END, CASE WHEN g.waiting THEN 0 ELSE 4 END, g.i % 20
          FROM (SELECT s.i, CAST(? AS TIMESTAMP) - (random() * 365 * 24 * 60) * INTERVAL '1 minute' AS start,
                       (((s.i % 20) + 1) * 600000 * exp(sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::bigint AS duration,
                       random() < 0.02 AS waiting
                  FROM generate_series(?, ?) AS s(i)) g""";
    try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
      insert.setTimestamp(1, Timestamp.from(NOW));
      insert.setInt(2, from);
      insert.setInt(3, to - 1);
      insert.executeUpdate();
      try (Statement s = c.createStatement()) {
        // what autovacuum does to a live table: statistics, and the visibility map that index-only scans need
        s.execute("VACUUM ANALYZE ACT_HI_ACTINST");
      }
    }
  }
}
