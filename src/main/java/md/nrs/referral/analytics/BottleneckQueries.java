package md.nrs.referral.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Per-activity figures read straight from the engine's history and runtime tables and the platform's
 * SLA events, with plain SQL that runs on H2 and PostgreSQL (ordered-set aggregates PERCENTILE_CONT).
 * Both the Cockpit plugin and the REST API use it; it knows nothing of Spring or of who is asking.
 *
 * <p>Activities are grouped by process definition key and activity id, so all versions of a model count
 * together (an activity keeps its id across versions). Multi-instance bodies and activities that never
 * hold a token (gateways, start and end events) are left out.
 *
 * <p>Over 250 lines on purpose: it holds the SQL of six queries and the code that merges their rows into one
 * figure per activity; apart, neither half can be read without the other.
 */
public class BottleneckQueries {

  /** Activity types that take no time; their figures would only be noise. */
  private static final Set<String> INSTANT_TYPES = Set.of("startEvent", "messageStartEvent", "timerStartEvent",
      "noneEndEvent", "endEvent", "errorEndEvent", "terminateEndEvent", "messageEndEvent", "signalEndEvent",
      "escalationEndEvent", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
      "boundaryTimer", "boundaryMessage", "boundaryError", "boundarySignal", "boundaryEscalation",
      "boundaryConditional", "boundaryCompensation", "intermediateNoneThrowEvent", "intermediateMessageThrowEvent",
      "intermediateSignalThrow", "multiInstanceBody");
  /** Where people (or an agency's system) are waited for: what the dashboard ranks. */
  static final Set<String> WAIT_STATE_TYPES = Set.of("userTask", "receiveTask", "intermediateTimer",
      "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional", "externalTask");

  private static final String DURATIONS = """
      SELECT PROC_DEF_KEY_, ACT_ID_, MAX(ACT_NAME_), MAX(ACT_TYPE_), COUNT(*),
             PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DURATION_),
             PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY DURATION_)
        FROM ACT_HI_ACTINST
       WHERE END_TIME_ >= ? AND END_TIME_ < ? AND DURATION_ IS NOT NULL %s
       GROUP BY PROC_DEF_KEY_, ACT_ID_""";
  private static final String WAITING = """
      SELECT PROC_DEF_KEY_, ACT_ID_, MAX(ACT_NAME_), MAX(ACT_TYPE_), COUNT(*)
        FROM ACT_HI_ACTINST
       WHERE END_TIME_ IS NULL %s
       GROUP BY PROC_DEF_KEY_, ACT_ID_""";
  // Overdue: an open task whose due date has passed, or one the SLA watch has already recorded as breached.
  private static final String OVERDUE = """
      SELECT d.KEY_, t.TASK_DEF_KEY_, COUNT(*)
        FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
       WHERE (t.DUE_DATE_ < ? OR EXISTS (SELECT 1 FROM nrs_sla_event e WHERE e.task_id = t.ID_ AND e.kind = 'BREACH')) %s
       GROUP BY d.KEY_, t.TASK_DEF_KEY_""";
  private static final String BREACHES = """
      SELECT h.PROC_DEF_KEY_, h.TASK_DEF_KEY_, COUNT(*)
        FROM nrs_sla_event e JOIN ACT_HI_TASKINST h ON h.ID_ = e.task_id
       WHERE e.kind = 'BREACH' AND e.recorded_at >= ? AND e.recorded_at < ? %s
       GROUP BY h.PROC_DEF_KEY_, h.TASK_DEF_KEY_""";
  // The agency: the candidate group the activity's tasks were most often offered to.
  private static final String AGENCIES = """
      SELECT l.PROC_DEF_KEY_, t.TASK_DEF_KEY_, l.GROUP_ID_, COUNT(*)
        FROM ACT_HI_IDENTITYLINK l JOIN ACT_HI_TASKINST t ON t.ID_ = l.TASK_ID_
       WHERE l.TYPE_ = 'candidate' AND l.OPERATION_TYPE_ = 'add' AND l.GROUP_ID_ IS NOT NULL %s
       GROUP BY l.PROC_DEF_KEY_, t.TASK_DEF_KEY_, l.GROUP_ID_""";
  private static final String LATEST_DEFINITIONS = """
      SELECT d.KEY_, d.ID_ FROM ACT_RE_PROCDEF d
       WHERE d.VERSION_ = (SELECT MAX(v.VERSION_) FROM ACT_RE_PROCDEF v WHERE v.KEY_ = d.KEY_) %s""";

  private final DataSource dataSource;

  public BottleneckQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every activity of one process (all versions of its key) that has figures, in no particular order. */
  public List<ActivityFigures> forProcess(String processDefinitionKey, Period period, Instant now) {
    return new ArrayList<>(collect(processDefinitionKey, period, now).values());
  }

  /**
   * The worst wait states across all processes: most overdue first, then most breaches in the period,
   * then most waiting, then the longest median.
   */
  public List<ActivityFigures> topBottlenecks(Period period, Instant now, int limit) {
    return collect(null, period, now).values().stream()
        .filter(f -> WAIT_STATE_TYPES.contains(f.activityType()))
        .filter(f -> f.waiting() > 0 || f.completed() > 0 || f.breaches() > 0)
        .sorted(WORST_FIRST)
        .limit(limit)
        .toList();
  }

  static final Comparator<ActivityFigures> WORST_FIRST = Comparator.comparingLong(ActivityFigures::overdue).reversed()
      .thenComparing(Comparator.comparingLong(ActivityFigures::breaches).reversed())
      .thenComparing(Comparator.comparingLong(ActivityFigures::waiting).reversed())
      .thenComparing(f -> f.medianMillis() == null ? 0L : -f.medianMillis())
      .thenComparing(ActivityFigures::processDefinitionKey).thenComparing(ActivityFigures::activityId);

  /** Runs only the durations query: what the benchmark times. */
  public int durationsOnly(Period period) {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Builder> rows = new HashMap<>();
      durations(connection, null, period, rows);
      return rows.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Bottleneck query failed: " + e.getMessage(), e);
    }
  }

  private Map<String, ActivityFigures> collect(String key, Period period, Instant now) {
    Map<String, Builder> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      durations(connection, key, period, rows);
      waiting(connection, key, rows);
      overdue(connection, key, now, rows);
      breaches(connection, key, period, rows);
      Map<String, String> latest = latestDefinitions(connection, key);
      Map<String, String> agencies = agencies(connection, key);
      Map<String, ActivityFigures> result = new LinkedHashMap<>();
      rows.forEach((id, row) -> {
        if (row.activityId.contains("#") || INSTANT_TYPES.contains(row.type) || !latest.containsKey(row.key)) {
          return;
        }
        result.put(id, row.build(latest.get(row.key), agencies.get(id)));
      });
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Bottleneck query failed: " + e.getMessage(), e);
    }
  }

  private static void durations(Connection c, String key, Period period, Map<String, Builder> rows) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(DURATIONS.formatted(key == null ? "" : "AND PROC_DEF_KEY_ = ?"))) {
      s.setTimestamp(1, Timestamp.from(period.from()));
      s.setTimestamp(2, Timestamp.from(period.to()));
      if (key != null) {
        s.setString(3, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Builder row = row(rows, r.getString(1), r.getString(2), r.getString(3), r.getString(4));
          row.completed = r.getLong(5);
          row.median = Math.round(r.getDouble(6));
          row.p90 = Math.round(r.getDouble(7));
        }
      }
    }
  }

  private static void waiting(Connection c, String key, Map<String, Builder> rows) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(WAITING.formatted(key == null ? "" : "AND PROC_DEF_KEY_ = ?"))) {
      if (key != null) {
        s.setString(1, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          row(rows, r.getString(1), r.getString(2), r.getString(3), r.getString(4)).waiting = r.getLong(5);
        }
      }
    }
  }

  private static void overdue(Connection c, String key, Instant now, Map<String, Builder> rows) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(OVERDUE.formatted(key == null ? "" : "AND d.KEY_ = ?"))) {
      s.setTimestamp(1, Timestamp.from(now));
      if (key != null) {
        s.setString(2, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Builder row = rows.get(id(r.getString(1), r.getString(2)));
          if (row != null) {
            row.overdue = r.getLong(3);
          }
        }
      }
    }
  }

  private static void breaches(Connection c, String key, Period period, Map<String, Builder> rows) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(BREACHES.formatted(key == null ? "" : "AND h.PROC_DEF_KEY_ = ?"))) {
      s.setObject(1, OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC));
      s.setObject(2, OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC));
      if (key != null) {
        s.setString(3, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          row(rows, r.getString(1), r.getString(2), null, "userTask").breaches = r.getLong(3);
        }
      }
    }
  }

  private static Map<String, String> agencies(Connection c, String key) throws SQLException {
    Map<String, String> best = new HashMap<>();
    Map<String, Long> bestCount = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(AGENCIES.formatted(key == null ? "" : "AND l.PROC_DEF_KEY_ = ?"))) {
      if (key != null) {
        s.setString(1, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String id = id(r.getString(1), r.getString(2));
          long count = r.getLong(4);
          String group = r.getString(3);
          Long previous = bestCount.get(id);
          // most often offered; ties go to the alphabetically first group so the answer is stable
          if (previous == null || count > previous || (count == previous && group.compareTo(best.get(id)) < 0)) {
            best.put(id, group);
            bestCount.put(id, count);
          }
        }
      }
    }
    return best;
  }

  private static Map<String, String> latestDefinitions(Connection c, String key) throws SQLException {
    Map<String, String> latest = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(LATEST_DEFINITIONS.formatted(key == null ? "" : "AND d.KEY_ = ?"))) {
      if (key != null) {
        s.setString(1, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          latest.put(r.getString(1), r.getString(2));
        }
      }
    }
    return latest;
  }

  private static String id(String key, String activityId) {
    return key + "/" + activityId;
  }

  private static Builder row(Map<String, Builder> rows, String key, String activityId, String name, String type) {
    Builder row = rows.computeIfAbsent(id(key, activityId), k -> new Builder(key, activityId));
    if (row.name == null) {
      row.name = name;
    }
    if (row.type == null) {
      row.type = type;
    }
    return row;
  }

  private static final class Builder {
    final String key;
    final String activityId;
    String name;
    String type;
    long waiting;
    long overdue;
    long completed;
    Long median;
    Long p90;
    long breaches;

    Builder(String key, String activityId) {
      this.key = key;
      this.activityId = activityId;
    }

    ActivityFigures build(String definitionId, String agency) {
      long handled = completed + waiting;
      double rate = handled == 0 ? 0 : Math.min(1.0, (double) breaches / handled);
      return new ActivityFigures(key, definitionId, activityId, name == null ? activityId : name, type, waiting,
          overdue, completed, median, p90, breaches, rate, agency);
    }
  }
}
