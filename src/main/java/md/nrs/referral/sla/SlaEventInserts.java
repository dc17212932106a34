package md.nrs.referral.sla;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import md.nrs.referral.engine.OpenTaskRows.OpenTask;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records a page of SLA events in one JDBC batch, in the caller's transaction, each only if its task has none of
 * that kind yet, and says which rows were new. The unique key on (task, kind) decides: on PostgreSQL
 * {@code ON CONFLICT DO NOTHING} waits for a concurrent sweep's uncommitted row and skips it once committed, so
 * of two nodes sweeping the same page each task is recorded, and acted on, by exactly one. On H2 (one node) an
 * insert guarded by {@code NOT EXISTS}; a concurrent duplicate there fails the unique key and rolls the sweep back.
 */
@Component
class SlaEventInserts {

  private static final String COLUMNS = "task_id, kind, case_code, step, agency_id, process_instance_id, due_at, "
      + "recorded_at, overdue_minutes";
  private static final String POSTGRES = "INSERT INTO nrs_sla_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (task_id, kind) DO NOTHING";
  private static final String STANDARD = "INSERT INTO nrs_sla_event (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
      + " FROM (VALUES (0)) ONE_ROW WHERE NOT EXISTS (SELECT 1 FROM nrs_sla_event E WHERE E.task_id = ? AND E.kind = ?)";

  private final JdbcTemplate jdbc;

  SlaEventInserts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The tasks of {@code page} whose event of this kind this call recorded (not one recorded before or meanwhile). */
  List<OpenTask> recordNew(SlaEvent.Kind kind, List<OpenTask> page, Instant now) {
    if (page.isEmpty()) {
      return List.of();
    }
    // One order for every node, so two sweeps over the same rows wait for each other instead of deadlocking.
    List<OpenTask> sorted = page.stream().sorted(Comparator.comparing(OpenTask::id)).toList();
    return jdbc.execute((ConnectionCallback<List<OpenTask>>) connection -> {
      boolean postgres = isPostgres(connection.getMetaData());
      try (PreparedStatement insert = connection.prepareStatement(postgres ? POSTGRES : STANDARD)) {
        for (OpenTask task : sorted) {
          bind(insert, kind, task, now);
          if (!postgres) {
            insert.setString(10, task.id());
            insert.setString(11, kind.name());
          }
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        List<OpenTask> recorded = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == Statement.SUCCESS_NO_INFO) {
            throw new IllegalStateException("The JDBC driver did not say which SLA events were new (batch rewriting on?)");
          }
          if (counts[i] > 0) {
            recorded.add(sorted.get(i));
          }
        }
        return recorded;
      }
    });
  }

  private static void bind(PreparedStatement insert, SlaEvent.Kind kind, OpenTask task, Instant now) throws SQLException {
    insert.setString(1, task.id());
    insert.setString(2, kind.name());
    insert.setString(3, task.caseCode());
    insert.setString(4, task.taskDefinitionKey());
    insert.setString(5, task.candidateGroup());
    insert.setString(6, task.processInstanceId());
    insert.setObject(7, OffsetDateTime.ofInstant(task.dueAt(), ZoneOffset.UTC));
    insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    insert.setLong(9, Math.max(0, Duration.between(task.dueAt(), now).toMinutes()));
  }

  private static boolean isPostgres(DatabaseMetaData metadata) throws SQLException {
    return metadata.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
  }
}
