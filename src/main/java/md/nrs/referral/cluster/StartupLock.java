package md.nrs.referral.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import md.nrs.referral.engine.EngineStartup;
import md.nrs.referral.identity.PlatformSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Lets only one node at a time through start-up (the platform's Flyway migrations, the engine's schema
 * creation or upgrade, model deployment, seeding) on PostgreSQL, where cluster nodes share one
 * database. Two nodes creating schemas together fail with duplicate keys; with this lock the second
 * waits and then finds everything in place. A PostgreSQL session-level advisory lock, held on its own connection: if a node dies, the
 * database releases it. Other databases (the single-node H2 demo) need no lock.
 */
@Component
public class StartupLock implements EngineStartup, PlatformSeeding.StartupDone, DisposableBean {

  /** Any constant shared by all nodes; "NRS" in ASCII. */
  static final long LOCK_KEY = 0x4E5253L;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection connection;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void beforeEngineInit() {
    acquire();
  }

  /** Takes the lock for this node's start-up; a second call while it is held does nothing. */
  public synchronized void acquire() {
    if (connection != null) {
      return;
    }
    try {
      Connection candidate = dataSource.getConnection();
      if (!"PostgreSQL".equals(candidate.getMetaData().getDatabaseProductName())) {
        candidate.close();
        return;
      }
      candidate.setAutoCommit(true);
      long started = System.nanoTime();
      try (Statement statement = candidate.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      }
      connection = candidate;
      LOG.info("Start-up lock acquired after {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock on the database: " + e.getMessage(), e);
    }
  }

  @Override
  public void startupDone() {
    release();
  }

  /** Called once this node has finished its start-up work. */
  public synchronized void release() {
    if (connection == null) {
      return;
    }
    try (Connection held = connection; Statement statement = held.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Start-up lock release failed ({}); closing its connection releases it", e.getMessage());
    } finally {
      connection = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
