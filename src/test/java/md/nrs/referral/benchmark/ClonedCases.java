package md.nrs.referral.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Grows a PostgreSQL database to national scale without running every case: the engine rows of a few
 * real cases (the templates, run through the platform beforehand) are copied in SQL, each copy with new
 * ids, a new case code and its dates moved. Running 100,000 cases through the platform takes hours; this
 * takes minutes. The method, step by step (docs/benchmarks.md repeats it):
 *
 * <ol>
 *   <li>A template is every process instance with the case's code as business key (the case and the
 *       processes it called or started); its rows are every row of the engine's runtime and history tables
 *       whose (root) process instance, task or byte array belongs to it, and the authorizations of its
 *       tasks and instances. They are copied once into staging tables {@code bench_t_<table>}.
 *   <li>Copy n gets ids whose last 12 hex digits (the UUID's node part, the same in every id one JVM
 *       generates) are replaced by n's own, so every reference between the copied rows (parent
 *       executions, tasks, variables, byte arrays, activity instances) stays consistent; definition,
 *       deployment and job definition ids are kept, so copies run on the deployed models.
 *   <li>The business key, and every text value equal to the template's code (the case code variable),
 *       becomes the copy's code, {@code NRS-<year>-9nnnnn}.
 *   <li>Every timestamp moves by one interval per copy, so the copy started at a random moment in the
 *       window given (open cases: the last 45 days; closed: the last three years) and its due dates,
 *       durations and order stay the template's. A copied timer job is never due before 30 days from
 *       now, so the engine does not fire thousands of copied timers during the measurement.
 *   <li>Not copied: the platform's own tables (vault, consent, outbox, SLA events, audit trail). Tasklist,
 *       the task REST API and start-up read only the engine's tables; the audit trail is hash-chained and
 *       a copy would break its verification.
 * </ol>
 */
final class ClonedCases {

  /** Columns that hold ids of instance-level rows (copied with the case); every other id is kept. */
  private static final List<String> INSTANCE_IDS = List.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_",
      "PROCESS_INSTANCE_ID_", "EXECUTION_ID_", "PARENT_ID_", "SUPER_EXEC_", "SUPER_PROCESS_INSTANCE_ID_",
      "PARENT_ACT_INST_ID_", "ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "CALL_PROC_INST_ID_", "BYTEARRAY_ID_",
      "VAR_INST_ID_", "VAR_SCOPE_", "EXCEPTION_STACK_ID_", "JOB_EXCEPTION_STACK_ID_", "ERROR_DETAILS_ID_", "JOB_ID_",
      "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "CAUSE_INCIDENT_ID_", "ROOT_CAUSE_INCIDENT_ID_", "OPERATION_ID_",
      "LAST_FAILURE_LOG_ID_", "RESTARTED_PROC_INST_ID_", "EXT_TASK_ID_", "RESOURCE_ID_");
  /** Text columns that may hold the case code. */
  private static final List<String> CODE_TEXTS = List.of("BUSINESS_KEY_", "TEXT_", "TEXT2_", "ORG_VALUE_", "NEW_VALUE_");

  /** Table → the column whose value ties a row to a template (a process instance, task or byte array id). */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("ACT_GE_BYTEARRAY", "ID_");
    TABLES.put("ACT_RU_EXECUTION", "PROC_INST_ID_");
    TABLES.put("ACT_RU_TASK", "PROC_INST_ID_");
    TABLES.put("ACT_RU_IDENTITYLINK", "TASK_ID_");
    TABLES.put("ACT_RU_VARIABLE", "PROC_INST_ID_");
    TABLES.put("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_");
    TABLES.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_");
    TABLES.put("ACT_RU_EXT_TASK", "PROC_INST_ID_");
    TABLES.put("ACT_RU_INCIDENT", "PROC_INST_ID_");
    TABLES.put("ACT_RU_AUTHORIZATION", "RESOURCE_ID_");
    TABLES.put("ACT_HI_PROCINST", "PROC_INST_ID_");
    TABLES.put("ACT_HI_ACTINST", "PROC_INST_ID_");
    TABLES.put("ACT_HI_TASKINST", "PROC_INST_ID_");
    TABLES.put("ACT_HI_VARINST", "PROC_INST_ID_");
    TABLES.put("ACT_HI_DETAIL", "PROC_INST_ID_");
    TABLES.put("ACT_HI_IDENTITYLINK", "TASK_ID_");
    TABLES.put("ACT_HI_COMMENT", "PROC_INST_ID_");
    TABLES.put("ACT_HI_ATTACHMENT", "PROC_INST_ID_");
    TABLES.put("ACT_HI_OP_LOG", "PROC_INST_ID_");
    TABLES.put("ACT_HI_INCIDENT", "PROC_INST_ID_");
    TABLES.put("ACT_HI_JOB_LOG", "PROCESS_INSTANCE_ID_");
    TABLES.put("ACT_HI_EXT_TASK_LOG", "PROC_INST_ID_");
    TABLES.put("ACT_HI_DECINST", "PROC_INST_ID_");
    TABLES.put("ACT_HI_DEC_IN", "DEC_INST_ID_");
    TABLES.put("ACT_HI_DEC_OUT", "DEC_INST_ID_");
  }

  /** From this many copies at once, the history's indexes are built after the load rather than during it. */
  private static final int BULK = 2_000;

  private final DataSource dataSource;
  private final Map<String, Integer> templates = new LinkedHashMap<>();
  private int copies;

  ClonedCases(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A case (by code) whose rows become a template of the given kind ("open" or "closed"). */
  void template(String caseCode, String kind) {
    templates.put(caseCode + "|" + kind, templates.size());
  }

  /**
   * Copies the templates' rows into the staging tables; call once, after the template cases ran and
   * before the first {@link #copy}. Returns the rows staged per table (what one copy of every template adds).
   */
  Map<String, Long> stage() throws SQLException {
    Map<String, Long> staged = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS bench_template, bench_ids");
      s.execute("CREATE TABLE bench_template (tpl int PRIMARY KEY, code text NOT NULL, kind text NOT NULL)");
      for (Map.Entry<String, Integer> t : templates.entrySet()) {
        String[] parts = t.getKey().split("\\|");
        s.execute(String.format(Locale.ROOT, "INSERT INTO bench_template VALUES (%d, '%s', '%s')", t.getValue(),
            parts[0].replace("'", ""), parts[1].replace("'", "")));
      }
      // every id that ties a row to a template: its process instances, their tasks, decisions and byte arrays
      s.execute("CREATE TABLE bench_ids (id text PRIMARY KEY, tpl int NOT NULL)");
      s.execute("INSERT INTO bench_ids SELECT p.PROC_INST_ID_, t.tpl FROM ACT_HI_PROCINST p JOIN bench_template t "
          + "ON p.BUSINESS_KEY_ = t.code ON CONFLICT DO NOTHING");
      // processes a case called whose business key is not set (none today, but a call activity need not pass it on)
      s.execute("INSERT INTO bench_ids SELECT p.PROC_INST_ID_, i.tpl FROM ACT_HI_PROCINST p JOIN bench_ids i "
          + "ON p.ROOT_PROC_INST_ID_ = i.id ON CONFLICT DO NOTHING");
      s.execute("INSERT INTO bench_ids SELECT t.ID_, i.tpl FROM ACT_HI_TASKINST t JOIN bench_ids i ON t.PROC_INST_ID_ = i.id "
          + "ON CONFLICT DO NOTHING");
      s.execute("INSERT INTO bench_ids SELECT d.ID_, i.tpl FROM ACT_HI_DECINST d JOIN bench_ids i ON d.PROC_INST_ID_ = i.id "
          + "ON CONFLICT DO NOTHING");
      for (String[] ref : new String[][] {{"ACT_RU_VARIABLE", "BYTEARRAY_ID_", "PROC_INST_ID_"},
          {"ACT_HI_VARINST", "BYTEARRAY_ID_", "PROC_INST_ID_"}, {"ACT_HI_DETAIL", "BYTEARRAY_ID_", "PROC_INST_ID_"},
          {"ACT_RU_JOB", "EXCEPTION_STACK_ID_", "PROCESS_INSTANCE_ID_"},
          {"ACT_HI_JOB_LOG", "JOB_EXCEPTION_STACK_ID_", "PROCESS_INSTANCE_ID_"},
          {"ACT_RU_EXT_TASK", "ERROR_DETAILS_ID_", "PROC_INST_ID_"}, {"ACT_HI_EXT_TASK_LOG", "ERROR_DETAILS_ID_", "PROC_INST_ID_"},
          {"ACT_HI_DEC_IN", "BYTEARRAY_ID_", "DEC_INST_ID_"}, {"ACT_HI_DEC_OUT", "BYTEARRAY_ID_", "DEC_INST_ID_"}}) {
        s.execute("INSERT INTO bench_ids SELECT r." + ref[1] + ", i.tpl FROM " + ref[0] + " r JOIN bench_ids i ON r." + ref[2]
            + " = i.id WHERE r." + ref[1] + " IS NOT NULL ON CONFLICT DO NOTHING");
      }
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        String staging = "bench_t_" + table.getKey().toLowerCase(Locale.ROOT);
        s.execute("DROP TABLE IF EXISTS " + staging);
        s.execute("CREATE TABLE " + staging + " AS SELECT i.tpl AS bench_tpl, r.* FROM " + table.getKey() + " r JOIN bench_ids i ON r."
            + table.getValue() + " = i.id");
        try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + staging)) {
          rows.next();
          staged.put(table.getKey(), rows.getLong(1));
        }
      }
    }
    return staged;
  }

  /**
   * Adds {@code count} copies of the templates of one kind, round robin, started at random within the
   * {@code windowDays} before now. Returns the rows written.
   */
  long copy(String kind, int count, int windowDays) throws SQLException {
    long written = 0;
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("DROP TABLE IF EXISTS bench_copy");
      // one row per copy: its template, code, id suffix and the interval its dates move by
      s.execute(String.format(Locale.ROOT, """
          CREATE TEMPORARY TABLE bench_copy ON COMMIT DROP AS
          WITH kinds AS (
            SELECT t.tpl, t.code, row_number() OVER (ORDER BY t.tpl) - 1 AS k, COUNT(*) OVER () AS n,
                   (SELECT MIN(p.START_TIME_) FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = t.code) AS started
            FROM bench_template t WHERE t.kind = '%s')
          SELECT k.tpl, k.code AS template_code, g.n AS copy,
                 'NRS-' || EXTRACT(YEAR FROM now() - g.back)::int || '-9' || lpad(g.n::text, 6, '0') AS code,
                 lpad(to_hex(g.n), 12, '0') AS suffix,
                 (now() - g.back) - k.started AS shift
          FROM (SELECT n, random() * interval '%d days' AS back FROM generate_series(%d, %d) AS n) g
          JOIN kinds k ON k.k = g.n %% k.n
          """, kind.replace("'", ""), windowDays, copies, copies + count - 1));
      copies += count;
      // a bulk load: the history tables' secondary indexes are dropped and built again afterwards, which is
      // several times faster than maintaining them row by row (constraints and primary keys stay)
      List<String> indexes = count >= BULK ? dropIndexes(s) : List.of();
      for (String table : TABLES.keySet()) {
        written += s.executeUpdate(insert(c, table));
      }
      for (String index : indexes) {
        s.execute(index);
      }
      c.commit();
    }
    return written;
  }

  private static List<String> dropIndexes(Statement s) throws SQLException {
    List<String> definitions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        + "AND (tablename LIKE 'act\\_hi\\_%' OR tablename = 'act_ge_bytearray') "
        + "AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
      while (rs.next()) {
        names.add(rs.getString(1));
        definitions.add(rs.getString(2));
      }
    }
    for (String name : names) {
      s.execute("DROP INDEX " + name);
    }
    return definitions;
  }

  private static String insert(Connection c, String table) throws SQLException {
    String staging = "bench_t_" + table.toLowerCase(Locale.ROOT);
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table.toLowerCase(Locale.ROOT), null)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
        String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        columns.add(column);
        values.add(value(table, column, type));
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalStateException("no table " + table);
    }
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM "
        + staging + " r JOIN bench_copy c ON c.tpl = r.bench_tpl";
  }

  private static String value(String table, String column, String type) {
    String r = "r." + column;
    if (INSTANCE_IDS.contains(column) && !(column.equals("RESOURCE_ID_") && !table.equals("ACT_RU_AUTHORIZATION"))) {
      return "CASE WHEN " + r + " IS NULL OR length(" + r + ") < 12 THEN " + r + " ELSE left(" + r + ", length(" + r
          + ") - 12) || c.suffix END";
    }
    if (CODE_TEXTS.contains(column)) {
      return "CASE WHEN " + r + " = c.template_code THEN c.code ELSE " + r + " END";
    }
    if (type.startsWith("timestamp")) {
      if (table.equals("ACT_RU_JOB") && column.equals("DUEDATE_")) {
        return "GREATEST(" + r + " + c.shift, now() + interval '30 days')";
      }
      return r + " + c.shift";
    }
    return r;
  }

  /** Drops the staging tables. */
  void dropStaging() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String table : TABLES.keySet()) {
        s.execute("DROP TABLE IF EXISTS bench_t_" + table.toLowerCase(Locale.ROOT));
      }
      s.execute("DROP TABLE IF EXISTS bench_template, bench_ids");
    }
  }
}
