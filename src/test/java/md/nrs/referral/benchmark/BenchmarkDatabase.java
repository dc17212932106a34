package md.nrs.referral.benchmark;

import java.util.Map;
import md.nrs.referral.testing.PostgresDatabase;

/** One database the suite runs on: an in-memory H2 kept until it is closed, or a throw-away PostgreSQL database. */
interface BenchmarkDatabase extends AutoCloseable {

  String name();

  Map<String, Object> springProperties();

  @Override
  void close();

  static BenchmarkDatabase h2(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    return new BenchmarkDatabase() {
      public String name() {
        return "H2";
      }

      public Map<String, Object> springProperties() {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", "sa", "spring.datasource.password", "");
      }

      public void close() {
        // in memory and kept for the JVM (DB_CLOSE_DELAY=-1): shut down, or its rows stay in the heap and are counted
        // in the next database's heap figures (a run once measured PostgreSQL at 848 MiB, 700 of them H2's)
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
            java.sql.Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException("could not shut the benchmark's H2 database down", e);
        }
      }
    };
  }

  static BenchmarkDatabase postgres() {
    // -Dnrs.benchmark.keep-database: a throw-away database kept after the run, to EXPLAIN its queries by hand
    boolean keep = Boolean.getBoolean("nrs.benchmark.keep-database");
    // -Dnrs.benchmark.database-prefix: a name of one's own, so concurrent runs (and their clean-up) tell theirs apart
    PostgresDatabase database = PostgresDatabase.create(System.getProperty("nrs.benchmark.database-prefix", "bench_"));
    if (keep) {
      System.out.println("BENCHMARK keeps the database " + database.url());
    }
    return new BenchmarkDatabase() {
      public String name() {
        return "PostgreSQL";
      }

      public Map<String, Object> springProperties() {
        return Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.user(),
            "spring.datasource.password", database.password(), "camunda.bpm.database.type", "postgres");
      }

      public void close() {
        if (!keep) {
          database.close();
        }
      }
    };
  }
}
