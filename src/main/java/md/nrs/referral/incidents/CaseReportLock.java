package md.nrs.referral.incidents;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case's row in {@code nrs_case_report_lock}, locked (SELECT ... FOR UPDATE) by a report on the case until the
 * report's transaction commits. The lock lives in the shared database, so reports on one case take turns across all
 * nodes of the cluster; a Tasklist start form keeps it until its own transaction commits, after the report is saved.
 */
@Component
class CaseReportLock {

  /** H2 gives up waiting for a row lock after its lock timeout (PostgreSQL waits): wait again, this many times. */
  private static final int H2_LOCK_ATTEMPTS = 30;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  CaseReportLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Takes the case's lock in the caller's transaction (there must be one), creating its row the first time. */
  void lock(String caseCode) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a case's report lock is held by a transaction");
    }
    ensureRow(caseCode);
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.queryForList("SELECT case_code FROM nrs_case_report_lock WHERE case_code = ? FOR UPDATE", caseCode);
        return;
      } catch (PessimisticLockingFailureException timedOut) {
        if (attempt == H2_LOCK_ATTEMPTS) {
          throw timedOut;
        }
      }
    }
  }

  /** The row, committed at once so another node's report can lock it; two first reports may race: one insert wins. */
  private void ensureRow(String caseCode) {
    try {
      ownTransaction.executeWithoutResult(status -> {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM nrs_case_report_lock WHERE case_code = ?", Long.class, caseCode);
        if (rows == null || rows == 0) {
          jdbc.update("INSERT INTO nrs_case_report_lock (case_code) VALUES (?)", caseCode);
        }
      });
    } catch (DataIntegrityViolationException anotherReportInsertedIt) {
      // the row is there: that is all this needed
    }
  }
}
