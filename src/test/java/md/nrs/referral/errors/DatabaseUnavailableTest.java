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
    assertThat(answer.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE);
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
  void aPasswordCheckThatCouldNotReachTheDatabaseIsA503WithRetryAfter() throws Exception {
    // What the authentication filters threw while PostgreSQL was stopped: the identity query found no connection.
    jakarta.servlet.FilterChain checkingPassword = (request, response) -> {
      throw new ProcessEngineException("ENGINE-03083", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")));
    };
    org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();

    new DatabaseAwayFilter().doFilter(new org.springframework.mock.web.MockHttpServletRequest("GET", "/actuator/health/readiness"),
        response, checkingPassword);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString()).contains("urn:nrs:problem:database-unavailable", "repeat it");
    assertThat(response.getContentType()).startsWith(Problems.CONTENT_TYPE);
  }

  @Test
  void anyOtherFailureGoesOnToTheUsualErrorHandling() {
    jakarta.servlet.FilterChain failing = (request, response) -> {
      throw new IllegalStateException("a bug");
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseAwayFilter().doFilter(
        new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/referrals/x"),
        new org.springframework.mock.web.MockHttpServletResponse(), failing)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRollbackOnAConnectionThePoolHadThrownAwayIsA503() {
    // Seen in the chaos suite when PostgreSQL restarted mid-transaction: the rollback's exception replaced the
    // original one, and Hikari's closed connection says only "Connection is closed", without SQLSTATE.
    SQLException closed = new SQLException("Connection is closed");
    closed.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
        "lambda$getClosedConnection$0", "ProxyConnection.java", 562)});
    RuntimeException rollback = new org.springframework.orm.jpa.JpaSystemException(
        new org.hibernate.TransactionException("Unable to rollback against JDBC Connection", closed));

    assertThat(EngineErrors.classify(rollback).status()).isEqualTo(503);
    assertThat(EngineErrors.databaseUnavailable(new SQLException("Connection is closed"))).as("the same words from elsewhere")
        .isFalse();
  }

  @Test
  void aConstraintViolationIsNotTheDatabaseBeingAway() {
    SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
    assertThat(EngineErrors.databaseUnavailable(new ProcessEngineException("ENGINE-03004", duplicate))).isFalse();
    assertThat(EngineErrors.classify(new ProcessEngineException("x", new org.camunda.bpm.engine.ProcessEnginePersistenceException(
        "x", duplicate))).status()).isEqualTo(500);
  }
}
