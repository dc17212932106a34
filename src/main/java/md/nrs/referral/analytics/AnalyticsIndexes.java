package md.nrs.referral.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import md.nrs.referral.engine.EngineStartup;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index the bottleneck queries need on the engine's history, created once the engine has built
 * its schema. Not a Flyway migration: Flyway runs before the engine (JPA waits for Flyway, the engine
 * waits for JPA's transaction manager), so on a fresh database the engine's tables do not exist yet
 * when the migrations run. Here the engine's schema is in place, and on PostgreSQL the node still holds
 * the start-up lock ({@code StartupLock}), so cluster nodes do not race. {@code IF NOT EXISTS} works on
 * H2 and PostgreSQL alike.
 *
 * <p>One covering index serves both queries: the period's range on END_TIME_ (or END_TIME_ IS NULL for
 * what waits now), then key, activity, type and duration, so PostgreSQL answers from the index alone.
 */
@Component
public class AnalyticsIndexes implements EngineStartup {

  static final String[] STATEMENTS = {
      "CREATE INDEX IF NOT EXISTS NRS_IDX_HI_ACT_END_KEY ON ACT_HI_ACTINST (END_TIME_, PROC_DEF_KEY_, ACT_ID_, ACT_TYPE_, DURATION_)"
  };
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsIndexes.class);

  private final DataSource dataSource;

  public AnalyticsIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterEngineBuilt(ProcessEngine processEngine) {
    create(dataSource);
  }

  public static void create(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // the analytics still work without it, only slower: never stop the platform for it
      LOG.warn("Analytics index not created: {}", e.getMessage());
    }
  }
}
