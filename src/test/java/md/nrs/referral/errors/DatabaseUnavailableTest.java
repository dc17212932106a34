package md.nrs.referral.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that failed because the database was away (restarting, failing over, the pool empty) is
 * answered 503 with a message that says to repeat it — not 500, which says the platform is broken. The
 * shapes are the ones the chaos suite met when PostgreSQL restarted under load (docs/reliability.md).
 */
class DatabaseUnavailableTest {

  @Test
  void anEngineCommandWhoseConnectionWasCutIsA503() {
    // PgJDBC: "An I/O error occurred while sending to the backend." (SQLSTATE 08006), inside the engine's wrapping
    SQLException cut = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    ClientMistake answer = EngineErrors.classify(new ProcessEngineException("ENGINE-03083 Exception while executing Batch",
        new org.apache.ibatis.exceptions.PersistenceException(cut)));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.type()).isEqualTo("DatabaseUnavailable");
    assertThat(answer.message()).contains("repeat it");
  }

  @Test
  void theServerShuttingDownIsA503() {
    SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertThat(EngineErrors.classify(new ProcessEngineException("ENGINE-03004", shutdown)).status()).isEqualTo(503);
  }

  @Test
  void noFreeConnectionInTimeIsA503() {
    SQLTransientConnectionException pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    assertThat(EngineErrors.databaseUnavailable(new CannotCreateTransactionException("Could not open JDBC Connection", pool))).isTrue();
    assertThat(EngineErrors.databaseUnavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", pool)))
        .isTrue();
  }

  @Test
  void aConstraintViolationIsNotTheDatabaseBeingAway() {
    SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
    assertThat(EngineErrors.databaseUnavailable(new ProcessEngineException("ENGINE-03004", duplicate))).isFalse();
    assertThat(EngineErrors.classify(new ProcessEngineException("x", new org.camunda.bpm.engine.ProcessEnginePersistenceException(
        "x", duplicate))).status()).isEqualTo(500);
  }
}
