package md.nrs.referral.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import md.nrs.referral.testing.PostgresDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Not a test: a benchmark, run by {@code ./mvnw verify -Pbenchmark}, that prints times and never
 * asserts on them. It builds the engine's schema and the platform's tables on H2 and on a fresh
 * PostgreSQL database, writes 100,000 historic activity instances (10 processes × 20 steps, a year of
 * history, 2% still waiting), and times the bottleneck queries before and after the analytics index,
 * next to a baseline query (count and sum the durations of the period's rows) run in the same process.
 */
@Tag("benchmark")
class BottleneckQueryBenchmarkTest {

  private static final int ROWS = 100_000;
  private static final int PROCESSES = 10;
  private static final int STEPS = 20;
  private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

  @Test
  void onH2() throws Exception {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:nrs-benchmark;DB_CLOSE_DELAY=-1", "sa", "");
    run("H2", dataSource);
  }

  @Test
  void onPostgres() throws Exception {
    String unavailable = PostgresDatabase.unavailableReason();
    if (unavailable != null) {
      System.out.println("BENCHMARK PostgreSQL skipped: " + unavailable);
      return;
    }
    try (PostgresDatabase database = PostgresDatabase.create()) {
      run("PostgreSQL", new DriverManagerDataSource(database.url(), database.user(), database.password()));
    }
  }

  private void run(String name, DataSource dataSource) throws Exception {
    // the platform's order: Flyway first (on an empty database), then the engine builds its schema
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("nrs_schema_history").load()
        .migrate();
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(dataSource).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
        .setProcessEngineName("benchmark-" + name);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      long started = System.nanoTime();
      generate(dataSource);
      analyze(dataSource, name);
      System.out.printf(Locale.ROOT, "BENCHMARK %s: %,d historic activity instances written in %d ms%n", name, ROWS,
          (System.nanoTime() - started) / 1_000_000);
      BottleneckQueries queries = new BottleneckQueries(dataSource);
      Period month = new Period(NOW.minus(Duration.ofDays(30)), NOW);
      Period year = new Period(NOW.minus(Duration.ofDays(365)), NOW);
      measureAll(name, "without the analytics index", dataSource, queries, month, year);
      AnalyticsIndexes.create(dataSource);
      analyze(dataSource, name);
      measureAll(name, "with the analytics index", dataSource, queries, month, year);
    } finally {
      engine.close();
    }
  }

  private void measureAll(String name, String label, DataSource dataSource, BottleneckQueries queries, Period month,
      Period year) {
    for (Period period : List.of(month, year)) {
      String span = period == month ? "30 days" : "365 days";
      double baseline = medianMillis(() -> baseline(dataSource, period));
      double top = medianMillis(() -> queries.topBottlenecks(period, NOW, 10).size());
      double oneProcess = medianMillis(() -> queries.forProcess("bench-3", period, NOW).size());
      System.out.printf(Locale.ROOT, "BENCHMARK %s %s, period %s: baseline %.1f ms | dashboard (all processes) %.1f ms "
          + "= %.1f× baseline | one process's diagram %.1f ms = %.1f× baseline%n", name, label, span, baseline, top,
          top / baseline, oneProcess, oneProcess / baseline);
    }
  }

  /** Median of 7 runs after 3 warm-up runs. */
  private static double medianMillis(Supplier<Object> query) {
    for (int i = 0; i < 3; i++) {
      query.get();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long start = System.nanoTime();
      query.get();
      times.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(times);
    return times.get(3);
  }

  private static Object baseline(DataSource dataSource, Period period) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT COUNT(*), SUM(DURATION_) FROM ACT_HI_ACTINST WHERE END_TIME_ >= ? AND END_TIME_ < ?")) {
      s.setTimestamp(1, Timestamp.from(period.from()));
      s.setTimestamp(2, Timestamp.from(period.to()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void generate(DataSource dataSource) throws SQLException {
    Random random = new Random(42);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement definition = c.prepareStatement(
          "INSERT INTO ACT_RE_PROCDEF (ID_, REV_, KEY_, VERSION_, NAME_, SUSPENSION_STATE_, HISTORY_TTL_) VALUES (?, 1, ?, 1, ?, 1, 30)")) {
        for (int p = 0; p < PROCESSES; p++) {
          definition.setString(1, "bench-" + p + ":1:1");
          definition.setString(2, "bench-" + p);
          definition.setString(3, "Benchmark " + p);
          definition.addBatch();
        }
        definition.executeBatch();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, "
          + "ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, "
          + "DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          int instance = i / STEPS;
          int step = i % STEPS;
          String key = "bench-" + (instance % PROCESSES);
          Instant start = NOW.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
          // each step its own typical time: minutes to days, with a long tail
          long duration = (long) ((step + 1) * 600_000L * Math.exp(random.nextGaussian()));
          boolean waiting = random.nextInt(50) == 0;
          insert.setString(1, "bench-ai-" + i);
          insert.setString(2, key);
          insert.setString(3, key + ":1:1");
          insert.setString(4, "bench-pi-" + instance);
          insert.setString(5, "bench-pi-" + instance);
          insert.setString(6, "bench-pi-" + instance);
          insert.setString(7, "UserTask_Step" + step);
          insert.setString(8, "Step " + step);
          insert.setString(9, step % 5 == 4 ? "exclusiveGateway" : "userTask");
          insert.setTimestamp(10, Timestamp.from(start));
          insert.setTimestamp(11, waiting ? null : Timestamp.from(start.plusMillis(duration)));
          if (waiting) {
            insert.setNull(12, java.sql.Types.BIGINT);
          } else {
            insert.setLong(12, duration);
          }
          insert.setInt(13, waiting ? 0 : 4);
          insert.setInt(14, step);
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  private static void analyze(DataSource dataSource, String name) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(name.equals("H2") ? "ANALYZE" : "ANALYZE ACT_HI_ACTINST");
    }
  }
}
