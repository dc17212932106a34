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
 * Per-activity figures from the daily summary of ended activities ({@link ActivitySummary}), the engine's runtime
 * tables and the platform's SLA events, with plain SQL that runs on H2 and PostgreSQL. Whole days of the period
 * come from the summary (a few rows per step and day, however many activities ended), the hours at either end
 * that are not a whole day from the history itself, so counts are exact for any period; medians and 90th
 * percentiles come from the summary's duration histogram and are approximate, within one bucket
 * ({@link ActivityDurations}). Both the Cockpit plugin and the REST API use it; it knows nothing of Spring or
 * of who is asking.
 *
 * <p>Activities are grouped by process definition key and activity id, so all versions of a model count
 * together (an activity keeps its id across versions). Multi-instance bodies and activities that never
 * hold a token (gateways, start and end events) are left out.
 *
 * <p>The dashboard has one row per step and agency (the candidate groups its tasks are offered to): what waits
 * and how late is counted per agency ({@link WaitingTasks}), breaches per agency from the SLA watch's records;
 * the durations stay per step (all agencies), so the period's history is read once, as before.
 *
 * <p>Over 250 lines on purpose: it holds the SQL of the history queries and the code that merges their rows into
 * one figure per activity and agency; apart, neither half can be read without the other.
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

  private static final String SUMMARY = """
      SELECT proc_def_key, act_id, MAX(act_name), MAX(act_type), MAX(max_duration), %s
        FROM nrs_activity_day
       WHERE on_day >= ? AND on_day < ? AND agency = '' %s
       GROUP BY proc_def_key, act_id""";
  // the hours of the period's first and last day that are not a whole day: few rows, read one by one
  private static final String EDGE = """
      SELECT PROC_DEF_KEY_, ACT_ID_, ACT_NAME_, ACT_TYPE_, DURATION_
        FROM ACT_HI_ACTINST
       WHERE END_TIME_ >= ? AND END_TIME_ < ? AND DURATION_ IS NOT NULL AND PROC_DEF_KEY_ IS NOT NULL %s""";
  private static final String SUMMED_BUCKETS = java.util.Arrays.stream(ActivitySummary.bucketColumns().split(", "))
      .map(column -> "SUM(" + column + ")").collect(java.util.stream.Collectors.joining(", "));
  // from the analytics index alone (no name: it is not in the index; a step without a name yet gets it below)
  private static final String WAITING = """
      SELECT PROC_DEF_KEY_, ACT_ID_, MAX(ACT_TYPE_), COUNT(*)
        FROM ACT_HI_ACTINST
       WHERE END_TIME_ IS NULL %s
       GROUP BY PROC_DEF_KEY_, ACT_ID_""";
  private static final String WAITING_NAME = """
      SELECT MAX(ACT_NAME_) FROM ACT_HI_ACTINST WHERE END_TIME_ IS NULL AND PROC_DEF_KEY_ = ? AND ACT_ID_ = ?""";
  private static final String BREACHES = """
      SELECT h.PROC_DEF_KEY_, h.TASK_DEF_KEY_, e.agency_id, COUNT(*)
        FROM nrs_sla_event e JOIN ACT_HI_TASKINST h ON h.ID_ = e.task_id
       WHERE e.kind = 'BREACH' AND e.recorded_at >= ? AND e.recorded_at < ? %s
       GROUP BY h.PROC_DEF_KEY_, h.TASK_DEF_KEY_, e.agency_id""";
  // The agency: the candidate group the activity's tasks were most often offered to (whole history, from the summary).
  private static final String AGENCIES = """
      SELECT proc_def_key, act_id, agency, SUM(offered)
        FROM nrs_activity_day
       WHERE agency <> '' %s
       GROUP BY proc_def_key, act_id, agency""";
  private static final String LATEST_DEFINITIONS = """
      SELECT d.KEY_, d.ID_ FROM ACT_RE_PROCDEF d
       WHERE d.VERSION_ = (SELECT MAX(v.VERSION_) FROM ACT_RE_PROCDEF v WHERE v.KEY_ = d.KEY_) %s""";

  /** Agencies' names by group id (the directory's); a group it does not name keeps its id. */
  public interface AgencyNames {
    Map<String, String> of(java.util.Collection<String> groupIds);
  }

  /** A step's time limit for a standard referral, in words, if the SLA table has one. */
  public interface TimeLimits {
    java.util.Optional<String> of(String activityId);
  }

  private final DataSource dataSource;
  private final AgencyNames agencyNames;
  private final TimeLimits timeLimits;

  /** Without names or limits: figures only (the benchmark). */
  public BottleneckQueries(DataSource dataSource) {
    this(dataSource, ids -> Map.of(), step -> java.util.Optional.empty());
  }

  public BottleneckQueries(DataSource dataSource, AgencyNames agencyNames, TimeLimits timeLimits) {
    this.dataSource = dataSource;
    this.agencyNames = agencyNames;
    this.timeLimits = timeLimits;
  }

  /** Every activity of one process (all versions of its key) that has figures, in no particular order. */
  public List<ActivityFigures> forProcess(String processDefinitionKey, Period period, Instant now) {
    return collect(processDefinitionKey, period, now).values().stream().map(row -> row.step).toList();
  }

  /**
   * The worst wait states across all processes, one row per step and agency: by {@link TimeLimitStatus}, then
   * most overdue, most of the time limit used, most breaches in the period, most waiting, the longest median.
   */
  public List<ActivityFigures> topBottlenecks(Period period, Instant now, int limit) {
    return collect(null, period, now).values().stream()
        .filter(row -> WAIT_STATE_TYPES.contains(row.step.activityType()))
        .filter(row -> row.step.waiting() > 0 || row.step.completed() > 0 || row.step.breaches() > 0)
        .flatMap(row -> row.byAgency.stream())
        .sorted(WORST_FIRST)
        .limit(limit)
        .toList();
  }

  /** Worst first: overdue now, then at risk, on time, without a limit; within each, most overdue first. */
  static final Comparator<ActivityFigures> WORST_FIRST = Comparator.comparing(ActivityFigures::status)
      .thenComparing(Comparator.comparingLong(ActivityFigures::overdue).reversed())
      .thenComparing(f -> f.limitUsed() == null ? 0.0 : -f.limitUsed())
      .thenComparing(Comparator.comparingLong(ActivityFigures::breaches).reversed())
      .thenComparing(Comparator.comparingLong(ActivityFigures::waiting).reversed())
      .thenComparing(f -> f.medianMillis() == null ? 0L : -f.medianMillis())
      .thenComparing(ActivityFigures::processDefinitionKey).thenComparing(ActivityFigures::activityId)
      .thenComparing(f -> f.agency() == null ? "" : f.agency());

  /** One step: its figures over all agencies, and one row per agency it is offered to. */
  private record StepRows(ActivityFigures step, List<ActivityFigures> byAgency) {
  }

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

  private Map<String, StepRows> collect(String key, Period period, Instant now) {
    Map<String, Builder> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      durations(connection, key, period, rows);
      waiting(connection, key, rows);
      WaitingTasks open = WaitingTasks.read(connection, key, now);
      breaches(connection, key, period, rows);
      Map<String, String> latest = latestDefinitions(connection, key);
      Map<String, Map<String, Long>> offered = agencies(connection, key);
      java.util.Set<String> groups = new java.util.HashSet<>();
      offered.values().forEach(m -> groups.addAll(m.keySet()));
      open.byStepAndAgency.values().forEach(m -> groups.addAll(m.keySet()));
      rows.values().forEach(row -> groups.addAll(row.breachesByAgency.keySet()));
      groups.remove("");
      Map<String, String> names = groups.isEmpty() ? Map.of() : agencyNames.of(groups);
      Map<String, StepRows> result = new LinkedHashMap<>();
      rows.forEach((id, row) -> {
        if (row.activityId.contains("#") || INSTANT_TYPES.contains(row.type) || !latest.containsKey(row.key)) {
          return;
        }
        // only user tasks get due dates from the SLA table (its last rule is a default for any step)
        String limit = "userTask".equals(row.type) ? timeLimits.of(row.activityId).orElse(null) : null;
        Builder.Context context = new Builder.Context(latest.get(row.key), limit, names);
        result.put(id, new StepRows(row.build(context, usual(offered.get(id)), open.byStep.get(id)),
            row.byAgency(context, offered.get(id), open.byStepAndAgency.get(id))));
      });
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Bottleneck query failed: " + e.getMessage(), e);
    }
  }

  private static void durations(Connection c, String key, Period period, Map<String, Builder> rows) throws SQLException {
    java.time.ZoneId zone = java.time.ZoneId.systemDefault(); // the engine stores local times of the JVM's zone
    java.time.LocalDateTime from = java.time.LocalDateTime.ofInstant(period.from(), zone);
    java.time.LocalDateTime to = java.time.LocalDateTime.ofInstant(period.to(), zone);
    java.time.LocalDate firstWhole = from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? from.toLocalDate()
        : from.toLocalDate().plusDays(1);
    java.time.LocalDate afterWhole = to.toLocalDate();
    if (!firstWhole.isBefore(afterWhole)) {
      edge(c, key, Timestamp.valueOf(from), Timestamp.valueOf(to), rows);
    } else {
      edge(c, key, Timestamp.valueOf(from), Timestamp.valueOf(firstWhole.atStartOfDay()), rows);
      summary(c, key, firstWhole, afterWhole, rows);
      edge(c, key, Timestamp.valueOf(afterWhole.atStartOfDay()), Timestamp.valueOf(to), rows);
    }
    for (Builder row : rows.values()) {
      if (row.durations != null) {
        row.completed = row.durations.count();
        row.median = row.durations.percentile(0.5);
        row.p90 = row.durations.percentile(0.9);
      }
    }
  }

  private static void summary(Connection c, String key, java.time.LocalDate from, java.time.LocalDate to,
      Map<String, Builder> rows) throws SQLException {
    String sql = SUMMARY.formatted(SUMMED_BUCKETS, key == null ? "" : "AND proc_def_key = ?");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, from);
      s.setObject(2, to);
      if (key != null) {
        s.setString(3, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long[] buckets = new long[ActivityDurations.BUCKETS];
          for (int b = 0; b < buckets.length; b++) {
            buckets[b] = r.getLong(6 + b);
          }
          row(rows, r.getString(1), r.getString(2), r.getString(3), r.getString(4)).durations().add(buckets, r.getLong(5));
        }
      }
    }
  }

  private static void edge(Connection c, String key, Timestamp from, Timestamp to, Map<String, Builder> rows)
      throws SQLException {
    if (!from.before(to)) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(EDGE.formatted(key == null ? "" : "AND PROC_DEF_KEY_ = ?"))) {
      s.setTimestamp(1, from);
      s.setTimestamp(2, to);
      if (key != null) {
        s.setString(3, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          row(rows, r.getString(1), r.getString(2), r.getString(3), r.getString(4)).durations().add(r.getLong(5));
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
          row(rows, r.getString(1), r.getString(2), null, r.getString(3)).waiting = r.getLong(4);
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(WAITING_NAME)) {
      for (Builder row : rows.values()) {
        if (row.name == null && row.waiting > 0) {
          s.setString(1, row.key);
          s.setString(2, row.activityId);
          try (ResultSet r = s.executeQuery()) {
            row.name = r.next() ? r.getString(1) : null;
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
          Builder row = row(rows, r.getString(1), r.getString(2), null, "userTask");
          row.breaches += r.getLong(4);
          row.breachesByAgency.merge(r.getString(3) == null ? "" : r.getString(3), r.getLong(4), Long::sum);
        }
      }
    }
  }

  /** Per step, every group its tasks were offered to and how often (in the whole history). */
  private static Map<String, Map<String, Long>> agencies(Connection c, String key) throws SQLException {
    Map<String, Map<String, Long>> offered = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(AGENCIES.formatted(key == null ? "" : "AND proc_def_key = ?"))) {
      if (key != null) {
        s.setString(1, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          offered.computeIfAbsent(id(r.getString(1), r.getString(2)), k -> new java.util.TreeMap<>())
              .merge(r.getString(3), r.getLong(4), Long::sum);
        }
      }
    }
    return offered;
  }

  /** The group most often offered the step; ties go to the alphabetically first, so the answer is stable. */
  private static String usual(Map<String, Long> offered) {
    if (offered == null) {
      return null;
    }
    return offered.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
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
    /** What every row of a step shares. */
    record Context(String definitionId, String timeLimit, Map<String, String> names) {
      String name(String agency) {
        return agency == null ? null : names.getOrDefault(agency, agency);
      }
    }

    final String key;
    final String activityId;
    final Map<String, Long> breachesByAgency = new HashMap<>();
    String name;
    String type;
    long waiting;
    long completed;
    Long median;
    Long p90;
    long breaches;
    ActivityDurations durations;

    ActivityDurations durations() {
      if (durations == null) {
        durations = new ActivityDurations();
      }
      return durations;
    }

    Builder(String key, String activityId) {
      this.key = key;
      this.activityId = activityId;
    }

    /** The step over all agencies; for user tasks the open tasks' own count, for other wait states the tokens. */
    ActivityFigures build(Context context, String agency, WaitingTasks.Tally open) {
      long waitingNow = open == null ? waiting : open.waiting;
      return figures(context, agency, waitingNow, breaches, open);
    }

    /** One row per agency the step's tasks were offered to, or now wait for; one row without an agency if none. */
    List<ActivityFigures> byAgency(Context context, Map<String, Long> offered, Map<String, WaitingTasks.Tally> open) {
      java.util.Set<String> agencies = new java.util.TreeSet<>();
      if (offered != null) {
        agencies.addAll(offered.keySet());
      }
      if (open != null) {
        agencies.addAll(open.keySet());
      }
      agencies.addAll(breachesByAgency.keySet());
      if (agencies.size() > 1) {
        agencies.remove(""); // a few tasks offered to no group do not make a row of their own next to agencies
      }
      if (agencies.isEmpty()) {
        return List.of(build(context, null, null));
      }
      List<ActivityFigures> rows = new ArrayList<>();
      for (String agency : agencies) {
        WaitingTasks.Tally tally = open == null ? null : open.get(agency);
        rows.add(figures(context, agency.isEmpty() ? null : agency, tally == null ? 0 : tally.waiting,
            breachesByAgency.getOrDefault(agency, 0L), tally == null ? new WaitingTasks.Tally() : tally));
      }
      return rows;
    }

    private ActivityFigures figures(Context context, String agency, long waitingNow, long breachCount,
        WaitingTasks.Tally open) {
      long handled = completed + waiting;
      // the late share is the step's (all agencies), so that a row's colour does not hang on a handful of tasks
      double rate = handled == 0 ? 0 : Math.min(1.0, (double) breaches / handled);
      long overdue = open == null ? 0 : open.overdue;
      Double used = open == null ? null : open.limitUsed;
      double overdueShare = open == null ? 0 : open.overdueShare();
      TimeLimitStatus status = TimeLimitStatus.of(overdue, used, rate, context.timeLimit() != null);
      return new ActivityFigures(key, context.definitionId(), activityId, name == null ? activityId : name, type,
          waitingNow, overdue, completed, median, p90, breachCount, rate, agency, context.name(agency),
          context.timeLimit(), overdueShare, used, status);
    }
  }
}
