package md.nrs.referral.benchmark;

import java.util.Map;
import md.nrs.referral.testing.PostgresDatabase;

/** One database the suite runs on: an in-memory H2 kept for the JVM, or a throw-away PostgreSQL database. */
interface BenchmarkDatabase extends AutoCloseable {

  String name();

  Map<String, Object> springProperties();

  @Override
  void close();

  static BenchmarkDatabase h2(String name) {
    return new BenchmarkDatabase() {
      public String name() {
        return "H2";
      }

      public Map<String, Object> springProperties() {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "spring.datasource.username",
            "sa", "spring.datasource.password", "");
      }

      public void close() {
        // in memory: gone with the JVM
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
