package md.nrs.referral.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates indexes of the platform's own on the engine's tables, once the engine has built its schema
 * ({@link EngineStartup#afterEngineBuilt}). Not Flyway migrations: Flyway runs before the engine (JPA waits
 * for Flyway, the engine waits for JPA's transaction manager), so on a fresh database the engine's tables
 * do not exist yet when the migrations run. At that point on PostgreSQL the node still holds the start-up
 * lock ({@code StartupLock}), so cluster nodes do not race. {@code IF NOT EXISTS} works on H2 and PostgreSQL.
 */
public final class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private EngineIndexes() {
  }

  /** Runs each {@code CREATE INDEX IF NOT EXISTS}; a failure is logged, never stops the platform (queries only get slower). */
  public static void create(DataSource dataSource, String purpose, String... statements) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("{} index not created: {}", purpose, e.getMessage());
    }
  }
}
