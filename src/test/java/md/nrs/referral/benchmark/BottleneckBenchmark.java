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
          report.note(section, String.format(Locale.ROOT, "History grown to %,d historic activity instances in %.1f s.", size,
              (System.nanoTime() - t0) / 1e9));
          for (int days : List.of(30, 365)) {
            Period period = new Period(NOW.minus(Duration.ofDays(days)), NOW);
            report.add("analytics-dashboard-" + days, "PostgreSQL", size, times(() -> {
              if (queries.topBottlenecks(period, NOW, 10).isEmpty()) {
                throw new AssertionError("dashboard empty over " + days + " days");
              }
              return null;
            }));
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
        s.execute("ANALYZE ACT_HI_ACTINST");
      }
    }
  }
}
