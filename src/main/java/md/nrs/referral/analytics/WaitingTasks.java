package md.nrs.referral.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tasks open now, per step and per agency they are offered to (candidate group), measured against each
 * task's own time limit (its due date, set from {@code sla-durations.dmn} when it was created). One pass over
 * the open tasks: their number is bounded by the work in hand, not by the history.
 */
final class WaitingTasks {

  // Overdue: past its due date, or already recorded as breached by the SLA watch (its due date since extended).
  private static final String OPEN_TASKS = """
      SELECT d.KEY_, t.TASK_DEF_KEY_, l.GROUP_ID_, t.ID_, t.CREATE_TIME_, t.DUE_DATE_,
             CASE WHEN EXISTS (SELECT 1 FROM nrs_sla_event e WHERE e.task_id = t.ID_ AND e.kind = 'BREACH') THEN 1 ELSE 0 END
        FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
        LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
       WHERE t.TASK_DEF_KEY_ IS NOT NULL %s""";

  /** What waits at one step (or at one step for one agency). */
  static final class Tally {
    long waiting;
    long overdue;
    Double limitUsed;

    void add(boolean isOverdue, Double used) {
      waiting++;
      if (isOverdue) {
        overdue++;
      }
      if (used != null && (limitUsed == null || used > limitUsed)) {
        limitUsed = used;
      }
    }

    double overdueShare() {
      return waiting == 0 ? 0 : (double) overdue / waiting;
    }
  }

  /** Per step (key/activity id): each task once. */
  final Map<String, Tally> byStep = new HashMap<>();
  /** Per step, then per agency ("" for a task offered to no group); a task offered to two agencies counts for both. */
  final Map<String, Map<String, Tally>> byStepAndAgency = new HashMap<>();

  static WaitingTasks read(Connection c, String key, Instant now) throws SQLException {
    WaitingTasks result = new WaitingTasks();
    Set<String> counted = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(OPEN_TASKS.formatted(key == null ? "" : "AND d.KEY_ = ?"))) {
      if (key != null) {
        s.setString(1, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String step = r.getString(1) + "/" + r.getString(2);
          String agency = r.getString(3) == null ? "" : r.getString(3);
          Timestamp created = r.getTimestamp(5);
          Timestamp due = r.getTimestamp(6);
          boolean overdue = (due != null && due.toInstant().isBefore(now)) || r.getInt(7) == 1;
          Double used = used(created, due, now);
          result.byStepAndAgency.computeIfAbsent(step, k -> new TreeMap<>()).computeIfAbsent(agency, k -> new Tally())
              .add(overdue, used);
          if (counted.add(r.getString(4))) {
            result.byStep.computeIfAbsent(step, k -> new Tally()).add(overdue, used);
          }
        }
      }
    }
    return result;
  }

  /** How much of its time limit the task has used: 0 at creation, 1 at its due date. */
  private static Double used(Timestamp created, Timestamp due, Instant now) {
    if (created == null || due == null) {
      return null;
    }
    long allowed = due.getTime() - created.getTime();
    if (allowed <= 0) {
      return now.isBefore(due.toInstant()) ? 0.0 : 1.0;
    }
    return (double) (now.toEpochMilli() - created.getTime()) / allowed;
  }
}
