package md.nrs.referral.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away database on the local PostgreSQL for one test class, so runs never see each other's
 * data. Server and user come from NRS_TEST_PG_URL / NRS_TEST_PG_USER (default 127.0.0.1:5432, postgres).
 */
public final class PostgresDatabase implements AutoCloseable {

  static final String SERVER_URL = env("NRS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = env("NRS_TEST_PG_USER", "postgres");
  static final String PASSWORD = env("NRS_TEST_PG_PASSWORD", "");

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  /** Why PostgreSQL cannot be used, or null when it can. */
  public static String unavailableReason() {
    try (Connection ignored = connect("postgres")) {
      return null;
    } catch (SQLException e) {
      return "PostgreSQL not reachable at " + SERVER_URL + " as " + USER + " (" + e.getMessage() + ")";
    }
  }

  public static PostgresDatabase create() {
    return create("nrs_it_");
  }

  /** A database whose name starts with the prefix, e.g. the branch's, so parallel runs can tell theirs apart. */
  public static PostgresDatabase create(String prefix) {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    return new PostgresDatabase(name);
  }

  public String url() {
    return SERVER_URL + name;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String database) throws SQLException {
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection(SERVER_URL + database, USER, PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
