package md.nrs.referral.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import md.nrs.referral.engine.ActivityHistoryTap;
import md.nrs.referral.engine.EngineStartup;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The daily summary the bottleneck queries read ({@code nrs_activity_day}, V22): kept as activities end, one batch
 * of upserts per engine command in the engine's transaction, and rebuilt once from the engine's history when it
 * has never been (the first start after the upgrade; idempotent: a mark row says it is done).
 *
 * <p>The summary outlives the engine's history cleanup on purpose: a year's figures stay readable after the
 * history of the cases is removed. It holds keys, activity ids, group ids and counts only.
 */
@Component
public class ActivitySummary implements ActivityHistoryTap.Sink, EngineStartup {

  static final String TABLE = "nrs_activity_day";
  private static final Logger LOG = LoggerFactory.getLogger(ActivitySummary.class);
  private static final String BUCKET_COLUMNS = IntStream.range(0, ActivityDurations.BUCKETS)
      .mapToObj(ActivityDurations::column).collect(Collectors.joining(", "));

  private final DataSource dataSource;

  public ActivitySummary(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A row's key. */
  private record Key(LocalDate day, String processDefinitionKey, String activityId, String agency)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = day.compareTo(o.day);
      c = c != 0 ? c : processDefinitionKey.compareTo(o.processDefinitionKey);
      c = c != 0 ? c : activityId.compareTo(o.activityId);
      return c != 0 ? c : agency.compareTo(o.agency);
    }
  }

  /** What one command adds to a row. */
  private static final class Delta {
    String name;
    String type;
    int completed;
    int offered;
    long max;
    final int[] buckets = new int[ActivityDurations.BUCKETS];
  }

  @Override
  public void write(Connection connection, List<ActivityHistoryTap.Ended> ended, List<ActivityHistoryTap.Offered> offered) {
    // sorted, so that two commands touching the same rows lock them in the same order (no deadlock between them)
    Map<Key, Delta> rows = new TreeMap<>();
    for (ActivityHistoryTap.Ended e : ended) {
      Delta d = rows.computeIfAbsent(new Key(day(e.endTime()), e.processDefinitionKey(), e.activityId(), ""), k -> new Delta());
      d.name = e.activityName();
      d.type = e.activityType();
      d.completed++;
      d.max = Math.max(d.max, e.durationMillis());
      d.buckets[ActivityDurations.bucket(e.durationMillis())]++;
    }
    for (ActivityHistoryTap.Offered o : offered) {
      rows.computeIfAbsent(new Key(day(o.time()), o.processDefinitionKey(), o.activityId(), o.groupId()),
          k -> new Delta()).offered++;
    }
    try (PreparedStatement upsert = connection.prepareStatement(upsert(connection))) {
      if (isPostgres(connection)) {
        for (Map.Entry<Key, Delta> row : rows.entrySet()) {
          bind(upsert, row.getKey(), row.getValue());
          upsert.addBatch();
        }
        upsert.executeBatch();
      } else {
        for (Map.Entry<Key, Delta> row : rows.entrySet()) {
          bind(upsert, row.getKey(), row.getValue());
          upsertOnH2(upsert);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity summary not updated: " + e.getMessage(), e);
    }
  }

  /** The engine stores local times of the JVM's zone; the summary's day is the date of that local time. */
  static LocalDate day(Date time) {
    return new Timestamp(time.getTime()).toLocalDateTime().toLocalDate();
  }

  /**
   * H2's MERGE is not atomic: two commands inserting the same new row at once, the second gets a duplicate key.
   * H2 keeps the transaction usable after a failed statement, and the row now exists, so once more updates it.
   */
  private static void upsertOnH2(PreparedStatement upsert) throws SQLException {
    try {
      upsert.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      upsert.executeUpdate();
    }
  }

  private static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
  }

  private static String upsert(Connection connection) throws SQLException {
    String columns = "on_day, proc_def_key, act_id, agency, act_name, act_type, completed, offered, max_duration, " + BUCKET_COLUMNS;
    String marks = String.join(", ", java.util.Collections.nCopies(9 + ActivityDurations.BUCKETS, "?"));
    String sums = IntStream.range(0, ActivityDurations.BUCKETS).mapToObj(ActivityDurations::column)
        .map(c -> c + " = t." + c + " + %s." + c).collect(Collectors.joining(", "));
    String set = "completed = t.completed + %1$s.completed, offered = t.offered + %1$s.offered, "
        + "max_duration = GREATEST(t.max_duration, %1$s.max_duration), "
        + "act_name = COALESCE(%1$s.act_name, t.act_name), act_type = COALESCE(%1$s.act_type, t.act_type), ";
    if (isPostgres(connection)) {
      return "INSERT INTO " + TABLE + " AS t (" + columns + ") VALUES (" + marks + ") "
          + "ON CONFLICT (on_day, proc_def_key, act_id, agency) DO UPDATE SET " + set.formatted("EXCLUDED")
          + sums.replace("%s", "EXCLUDED");
    }
    return "MERGE INTO " + TABLE + " t USING (VALUES (" + marks + ")) s(" + columns + ") "
        + "ON t.on_day = s.on_day AND t.proc_def_key = s.proc_def_key AND t.act_id = s.act_id AND t.agency = s.agency "
        + "WHEN MATCHED THEN UPDATE SET " + set.formatted("s") + sums.replace("%s", "s")
        + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + columns.replaceAll("(\\w+)", "s.$1") + ")";
  }

  private static void bind(PreparedStatement s, Key key, Delta d) throws SQLException {
    s.setObject(1, key.day());
    s.setString(2, key.processDefinitionKey());
    s.setString(3, key.activityId());
    s.setString(4, key.agency());
    s.setString(5, d.name);
    s.setString(6, d.type);
    s.setInt(7, d.completed);
    s.setInt(8, d.offered);
    s.setLong(9, d.max);
    for (int b = 0; b < ActivityDurations.BUCKETS; b++) {
      s.setInt(10 + b, d.buckets[b]);
    }
  }

  @Override
  public void afterEngineBuilt(ProcessEngine engine) {
    try {
      if (rebuildOnce(dataSource)) {
        LOG.info("Activity summary rebuilt from the engine's history");
      }
    } catch (RuntimeException e) {
      // the platform still runs; the dashboard shows only what ends from now on until the next start retries
      LOG.warn("Activity summary not rebuilt: {}", e.getMessage());
    }
  }

  /**
   * Rebuilds the summary from the engine's history if it never was, in one transaction: the mark row first (a
   * second node waits on it, then finds it), then every ended activity and every offer, grouped by day. Returns
   * whether it rebuilt. On a running cluster call it at start-up only (under the start-up lock): activities
   * ending on another node meanwhile would be counted by both.
   */
  public static boolean rebuildOnce(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        try (var r = s.executeQuery("SELECT COUNT(*) FROM nrs_activity_summary_state WHERE name = 'rebuilt'")) {
          r.next();
          if (r.getLong(1) > 0) {
            c.rollback();
            return false;
          }
        }
        try (PreparedStatement mark = c.prepareStatement(
            "INSERT INTO nrs_activity_summary_state (name, done_at) VALUES ('rebuilt', ?)")) {
          mark.setObject(1, OffsetDateTime.now());
          mark.executeUpdate();
        }
        rebuild(s);
        c.commit();
        return true;
      } catch (SQLException e) {
        c.rollback();
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return false; // another node marked it first: it rebuilt
        }
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity summary rebuild failed: " + e.getMessage(), e);
    }
  }

  /** Rebuilds the summary from the engine's history now, in one transaction (the benchmark, after growing it). */
  public static void rebuild(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      rebuild(s);
      c.commit();
      c.setAutoCommit(auto);
    } catch (SQLException e) {
      throw new IllegalStateException("Activity summary rebuild failed: " + e.getMessage(), e);
    }
  }

  /** Rebuilds the summary from the engine's history, whether or not it was before (what the mark guards). */
  static void rebuild(Statement s) throws SQLException {
    s.executeUpdate("DELETE FROM " + TABLE);
    s.executeUpdate(REBUILD_DURATIONS);
    s.executeUpdate(REBUILD_OFFERS);
  }

  private static final String BUCKET_SUMS = IntStream.range(0, ActivityDurations.BUCKETS).mapToObj(b -> {
    long low = ActivityDurations.lowerBound(b);
    String cond = b < ActivityDurations.BOUNDS.length
        ? "DURATION_ >= " + low + " AND DURATION_ < " + ActivityDurations.BOUNDS[b] : "DURATION_ >= " + low;
    return "SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)";
  }).collect(Collectors.joining(", "));

  private static final String REBUILD_DURATIONS = "INSERT INTO " + TABLE
      + " (on_day, proc_def_key, act_id, agency, act_name, act_type, completed, offered, max_duration, " + BUCKET_COLUMNS + ")"
      + " SELECT CAST(END_TIME_ AS DATE), PROC_DEF_KEY_, ACT_ID_, '', MAX(ACT_NAME_), MAX(ACT_TYPE_), COUNT(*), 0,"
      + " MAX(DURATION_), " + BUCKET_SUMS
      + " FROM ACT_HI_ACTINST WHERE END_TIME_ IS NOT NULL AND DURATION_ IS NOT NULL AND PROC_DEF_KEY_ IS NOT NULL"
      + " GROUP BY CAST(END_TIME_ AS DATE), PROC_DEF_KEY_, ACT_ID_";

  private static final String REBUILD_OFFERS = "INSERT INTO " + TABLE
      + " (on_day, proc_def_key, act_id, agency, offered)"
      + " SELECT CAST(l.TIMESTAMP_ AS DATE), l.PROC_DEF_KEY_, t.TASK_DEF_KEY_, l.GROUP_ID_, COUNT(*)"
      + " FROM ACT_HI_IDENTITYLINK l JOIN ACT_HI_TASKINST t ON t.ID_ = l.TASK_ID_"
      + " WHERE l.TYPE_ = 'candidate' AND l.OPERATION_TYPE_ = 'add' AND l.GROUP_ID_ IS NOT NULL AND l.GROUP_ID_ <> ''"
      + " AND l.PROC_DEF_KEY_ IS NOT NULL AND t.TASK_DEF_KEY_ IS NOT NULL"
      + " GROUP BY CAST(l.TIMESTAMP_ AS DATE), l.PROC_DEF_KEY_, t.TASK_DEF_KEY_, l.GROUP_ID_";

  /** The bucket columns, in order, for the queries that read the summary. */
  static String bucketColumns() {
    return BUCKET_COLUMNS;
  }
}
