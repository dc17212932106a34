package md.nrs.referral.engine;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the task query's authorization check cheap on PostgreSQL. With authorizations on, the engine
 * left-joins each task to the caller's authorizations {@code ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))}
 * and keeps the task when {@code AUTH.RESOURCE_ID_ IS NOT NULL}. That condition is an OR of three
 * equalities: PostgreSQL can neither hash nor merge on it, so it compares every task with every
 * authorization of the caller's groups — one per open task of the agency — in a nested loop: quadratic
 * (10,000 open cases: 6–17 s per statement). And because a task joins every authorization that names it,
 * the engine must {@code select distinct} (or {@code count(distinct)}): every visible task is read,
 * de-duplicated and sorted before the first page.
 *
 * <p>{@link Form#SEMI_JOIN} asks the same question as a semi-join: the join is dropped and
 * the condition becomes {@code RES.ID_ IN (caller's resource ids) OR RES.PROC_DEF_ID_ IN (…) OR EXISTS (… '*')}, uncorrelated
 * sub-queries that PostgreSQL runs once per statement: the task's id against a hash of all the caller's grants (read
 * once, never probed per task); the task's definition against the deployed definitions whose key the caller was
 * granted, and '*' once — each a few index reads (before, each of the three hashed all of the caller's grants:
 * 21,000 at 10,000 open cases, and the last two were built whenever a task of another agency was met, as in every
 * count). Each sub-query is the engine's own, whole, so a grant matches exactly where the engine's join matched it (a
 * task grant named like a definition key included). No row is repeated, so when the rest of the statement cannot repeat
 * a task either — only the process definition is joined, or the candidate-group identity link, which is
 * then asked as an {@code EXISTS} — the {@code DISTINCT} goes too, and a page of 15 by due date or creation
 * time is a top-N sort (or an index walk) instead of a sort of every visible task. The bound parameters
 * are reordered with the text (the authorizations' placeholders move from the join to the condition, three
 * times), so every value still meets its placeholder.
 *
 * <p>The semi-join reads all of the caller's grants to hash them, whatever the filter: a narrow list (Due today,
 * a few hundred tasks) paid for 21,000 grants at 10,000 open cases and got slower than before. {@link Form#CHOSEN}
 * (the default) therefore decides per statement, from the engine's parsed query, whether each task's grants are
 * probed instead ({@link Form#PROBE}: a correlated {@code EXISTS} over the engine's own authorization sub-query,
 * an index read per task checked) — see {@link #chosen}.
 *
 * <p>The variable query behind a list's case-code column (Tasklist's HAL embedding asks for the case code of the
 * page's tasks and process instances) has the same join on five ids and cost ~170 ms at 10,000 open cases with
 * PostgreSQL's custom plan (every grant materialised and compared with each variable): when the query names
 * its scopes its grants are probed the same way ({@link #variableProbes}, {@link #namesItsScopes}).
 *
 * <p>{@link Form#HASH_JOIN} is the earlier rewrite, kept to measure against: the tasks' three resource ids
 * as rows ({@code VALUES (RES.ID_), (D.KEY_), ('*')}) joined on one equality, de-duplicated by the query's
 * own {@code DISTINCT}. Only the engine's two task query statements are touched, only on PostgreSQL, and
 * only when their SQL has exactly the expected shape; otherwise they run unchanged. The engine's
 * revoke-aware variant (no AUTH join) is never matched.
 */
@Component
public class TaskQueryAuthorizationJoin extends AbstractProcessEnginePlugin {

  /** How the task query's authorization check is sent. */
  public enum Form {
    /** The engine's own statement. */
    ENGINE,
    /** One equality join over the tasks' three resource ids; the engine's DISTINCT removes the copies. */
    HASH_JOIN,
    /** Hashed IN sub-queries instead of the join; no copies, so no DISTINCT where nothing else repeats a task. */
    SEMI_JOIN,
    /** The semi-join's statement with a correlated EXISTS per task instead: an index probe of the task's grants. */
    PROBE,
    /** Per statement, from the query's own criteria: {@link #PROBE} where few tasks are checked, else {@link #SEMI_JOIN}. */
    CHOSEN
  }

  /**
   * A due-date window at most this wide (Tasklist's "Due today": one day) bounds the tasks the check sees to
   * a day's or a week's work, so probing each task's grants beats reading all of the caller's grants.
   */
  static final Duration NARROW_DUE_WINDOW = Duration.ofDays(7);

  private static final String PAGE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
  static final Set<String> STATEMENTS = Set.of(PAGE,
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");
  /** The variable query behind a list's case-code column (Tasklist's HAL embedding of a page's variables). */
  private static final String VARIABLES = "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariableInstanceByQueryCriteria";
  private static final Pattern AUTH_JOIN = Pattern.compile(
      "(?i)\\b(left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+\\w*ACT_RU_AUTHORIZATION\\s+A\\b");
  private static final Pattern AUTH_ON = Pattern.compile(
      "(?i)\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)");
  /** The variable query's join: a variable's process instance, its execution's, its definition's key, its task, or '*'. */
  private static final Pattern VARIABLE_AUTH_ON = Pattern.compile(
      "(?i)\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.PROC_INST_ID_\\s*,\\s*PROC_EXECUTION\\.ID_\\s*,"
      + "\\s*PROCDEF\\.KEY_\\s*,\\s*RES\\.TASK_ID_\\s*,\\s*'\\*'\\s*\\)\\s*\\)");
  /** The engine's condition for the left-joined authorizations: a case task, or an authorization found. */
  private static final Pattern AUTH_FOUND = Pattern.compile(
      "(?i)\\(\\s*\\(\\s*RES\\.CASE_EXECUTION_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)\\s+OR\\s+\\(\\s*AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)\\s*\\)");
  private static final Pattern ANY_AUTH = Pattern.compile("(?i)\\bAUTH\\d*\\.");
  private static final Pattern SELECT_A_STAR = Pattern.compile("(?i)^\\s*SELECT\\s+A\\.\\*");
  /** The candidate-group identity link join, the only join besides the definition's that may stay. */
  private static final Pattern CANDIDATE_JOIN = Pattern.compile(
      "(?i)\\b(left|inner)\\s+join\\s+(\\w*)ACT_RU_IDENTITYLINK\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_\\s+");
  /** Its one use in the WHERE clause: a candidate link to one of the given groups (of an unassigned task), ANDed at the top. */
  private static final Pattern CANDIDATE_GROUPS = Pattern.compile(
      "(?i)\\(\\s*(?:RES\\.ASSIGNEE_\\s+is\\s+null\\s+and\\s+)?I\\.TYPE_\\s*=\\s*'candidate'\\s+and\\s+\\(\\s*I\\.GROUP_ID_\\s+IN\\s*\\(\\s*\\?(\\s*,\\s*\\?)*\\s*\\)\\s*\\)\\s*\\)");
  private static final Pattern ANY_I = Pattern.compile("(?i)\\bI\\.");
  private static final Pattern ANY_OR = Pattern.compile("(?i)\\bor\\b");
  /** Between the task table and WHERE only these joins may stand for the DISTINCT to go: none repeats a task. */
  private static final Pattern FROM_TO_WHERE = Pattern.compile(
      "(?is)\\bfrom\\s+\\w*ACT_RU_TASK\\s+RES\\s+((?:left|inner)\\s+join\\s+\\w*ACT_RE_PROCDEF\\s+D\\s+on\\s+RES\\.PROC_DEF_ID_\\s*=\\s*D\\.ID_\\s+)WHERE\\b");
  /** The process definition's join, whose table (with the engine's prefix) the definition check reads the deployed keys from. */
  private static final Pattern DEFINITION_JOIN = Pattern.compile(
      "(?i)\\b(?:left|inner)\\s+join\\s+(\\w*ACT_RE_PROCDEF)\\s+D\\s+on\\s+RES\\.PROC_DEF_ID_\\s*=\\s*D\\.ID_\\b");
  private static final Pattern FIRST_CRITERIA = Pattern.compile("(?i)\\bWHERE\\s*\\(\\s*1\\s*=\\s*1\\b");
  private static final Pattern SELECT_DISTINCT = Pattern.compile("(?i)^\\s*select\\s+distinct\\s+");
  private static final Pattern COUNT_DISTINCT = Pattern.compile("(?i)^\\s*select\\s+count\\s*\\(\\s*distinct\\s+RES\\.ID_\\s*\\)");
  /** PostgreSQL's count: {@code SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from … ) countDistinct}. */
  private static final Pattern COUNT_OF_DISTINCT = Pattern.compile(
      "(?i)^\\s*SELECT\\s+COUNT\\s*\\(\\s*\\*\\s*\\)\\s+FROM\\s*\\(\\s*SELECT\\s+DISTINCT\\s+RES\\.ID_\\s+");
  private static final int CACHED_SHAPES = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorizationJoin.class);

  private volatile Form form = Form.CHOSEN;
  private final AtomicLong rewrites = new AtomicLong();
  private final AtomicLong variableRewrites = new AtomicLong();
  /** Rewrites by statement text, per form of the check: the engine sends few distinct texts, and matching them is not free. */
  private final Map<Form, Map<String, Optional<Rewritten>>> shapes = Map.of(
      Form.SEMI_JOIN, new ConcurrentHashMap<>(), Form.PROBE, new ConcurrentHashMap<>());
  private final Map<String, Optional<Rewritten>> variableShapes = new ConcurrentHashMap<>();
  private volatile boolean variableProbes = true;
  private volatile boolean keyedChecks = true;
  /** The semi-join's rewrites as they were before the keyed checks, kept to measure against. */
  private final Map<String, Optional<Rewritten>> unkeyedShapes = new ConcurrentHashMap<>();

  /** The SQL to send and, for each of its placeholders, the index of the engine's placeholder whose value it takes. */
  record Rewritten(String sql, int[] parameterOrder) {
  }

  /** Switches the form, e.g. in the benchmark, to measure the forms against each other in the same run. */
  public void setForm(Form form) {
    this.form = form;
  }

  /** Whether a variable query naming its scopes probes the caller's grants (on by default; off: the engine's own join). */
  public void setVariableProbes(boolean variableProbes) {
    this.variableProbes = variableProbes;
  }

  /**
   * Whether the semi-join asks for the definition's and '*' grants by their keys ({@link #semiJoin}: on by default) or, as
   * before, hashes all of the caller's grants for each of them too (off: kept to measure against).
   */
  public void setKeyedChecks(boolean keyedChecks) {
    this.keyedChecks = keyedChecks;
  }

  /** On (the form chosen per statement) or off (the engine's own join). */
  public void setEnabled(boolean enabled) {
    setForm(enabled ? Form.CHOSEN : Form.ENGINE);
  }

  /**
   * The form for one statement of {@link Form#CHOSEN}, decided from the engine's parsed query, never from its
   * SQL. The semi-join reads and hashes all of the caller's grants (one per open task of their agency and one
   * per task assigned to them: 21,000 at 10,000 open cases) before it checks the first task: a fixed cost that
   * pays off only when many tasks are checked. Probes cost a few index reads per task checked, so they win
   * (1) when a narrow due-date window bounds the tasks (Due today: 425 of 20,000), and (2) for a page of a
   * query limited to the caller's own tasks or groups: nearly every task it meets is one the caller was granted,
   * so the walk along the sorting's index stops at the page's end. A count of such a query checks every task of
   * the agency: hashed. An OR query keeps the semi-join (its branches are not limited alike).
   */
  static Form chosen(Object parameter, boolean page) {
    if (!(parameter instanceof TaskQueryImpl query) || query.getQueries().size() > 1) {
      return Form.SEMI_JOIN;
    }
    if (query.getDueDate() != null || query.getDueAfter() != null && query.getDueBefore() != null
        && query.getDueBefore().getTime() - query.getDueAfter().getTime() <= NARROW_DUE_WINDOW.toMillis()) {
      return Form.PROBE;
    }
    return page && limitedToCaller(query) ? Form.PROBE : Form.SEMI_JOIN;
  }

  /** Only tasks assigned to the caller, or offered to groups the caller is in (Tasklist's My tasks, My agency, Unassigned). */
  private static boolean limitedToCaller(TaskQueryImpl query) {
    AuthorizationCheck caller = query.getAuthCheck();
    if (caller == null || caller.getAuthUserId() == null) {
      return false;
    }
    if (query.getAssignee() != null) {
      return query.getAssignee().equals(caller.getAuthUserId());
    }
    List<String> groups = new ArrayList<>();
    if (query.getCandidateGroup() != null) {
      groups.add(query.getCandidateGroup());
    }
    if (query.getCandidateGroupsInternal() != null) {
      groups.addAll(query.getCandidateGroupsInternal());
    }
    List<String> callers = caller.getAuthGroupIds() == null ? List.of() : caller.getAuthGroupIds();
    return !groups.isEmpty() && callers.containsAll(groups);
  }

  /** How many statements this engine has sent rewritten. */
  long rewrites() {
    return rewrites.get();
  }

  /** How many of them were variable queries. */
  long variableRewrites() {
    return variableRewrites.get();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewrite(this));
    LOG.info("Task queries check authorizations by hashed semi-join or per-task probes on PostgreSQL");
  }

  /** The task query's SQL with the hashable join, or null when it does not have exactly the expected shape. */
  static String rewrite(String sql) {
    AuthJoin join = AuthJoin.in(sql);
    if (join == null) {
      return null;
    }
    return sql.substring(0, join.at) + "cross join lateral (VALUES (RES.ID_), (D.KEY_), ('*')) NRS_AUTH_KEY (ID_) "
        + sql.substring(join.at, join.onStart) + ") AUTH ON (AUTH.RESOURCE_ID_ = NRS_AUTH_KEY.ID_)" + sql.substring(join.onEnd);
  }

  /** Where the statement's one join of the caller's authorizations stands; null unless there is exactly one, on the three ids. */
  private record AuthJoin(int at, boolean left, int subqueryAt, int onStart, int onEnd) {
    static AuthJoin in(String sql) {
      return in(sql, AUTH_ON);
    }

    static AuthJoin in(String sql, Pattern onResourceIds) {
      Matcher join = AUTH_JOIN.matcher(sql);
      if (!join.find()) {
        return null;
      }
      int at = join.start();
      boolean left = join.group(1).equalsIgnoreCase("left");
      Matcher on = onResourceIds.matcher(sql);
      if (join.find() || !on.find(at)) {
        return null;
      }
      AuthJoin found = new AuthJoin(at, left, sql.indexOf('(', at) + 1, on.start(), on.end());
      return on.find() ? null : found;
    }
  }

  /**
   * The task query's SQL as a semi-join (see the class comment), or null when it does not have exactly
   * the expected shape: one left join of the caller's authorizations on the three resource ids, used only
   * in the engine's condition {@code ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL))}.
   */
  static Rewritten semiJoin(String sql) {
    return semiJoin(sql, false, true);
  }

  /**
   * The semi-join as it was before its definition and '*' checks were keyed: each of the three checks hashes all of the
   * caller's grants. Kept to measure against ({@link #setKeyedChecks}).
   */
  static Rewritten unkeyedSemiJoin(String sql) {
    return semiJoin(sql, false, false);
  }

  /**
   * The semi-join's statement with the caller's grants probed per task (see {@link #chosen}): a correlated
   * {@code EXISTS} over the engine's own authorization sub-query for the task's id and its definition's key
   * (an index probe of {@code ACT_IDX_AUTH_RESOURCE_ID}), and one uncorrelated {@code EXISTS} for '*', which
   * PostgreSQL answers once per statement. Same placement, same DISTINCT rules as the semi-join.
   */
  static Rewritten probes(String sql) {
    return semiJoin(sql, true, true);
  }

  private static Rewritten semiJoin(String sql, boolean probes, boolean keyed) {
    AuthJoin join = AuthJoin.in(sql);
    if (join == null || !join.left()) {
      return null;
    }
    int joinAt = join.at();
    int subqueryAt = join.subqueryAt();
    int onStart = join.onStart();
    int onEnd = join.onEnd();
    Matcher found = AUTH_FOUND.matcher(sql);
    if (!found.find(onEnd)) {
      return null;
    }
    int foundStart = found.start();
    int foundEnd = found.end();
    if (found.find()) {
      return null;
    }
    String subquery = sql.substring(subqueryAt, onStart);
    Matcher star = SELECT_A_STAR.matcher(subquery);
    String rest = sql.substring(foundEnd);
    String between = sql.substring(onEnd, foundStart);
    // the AUTH alias must be used nowhere else (e.g. AUTH1 of a composite check): it no longer exists
    if (!star.find() || ANY_AUTH.matcher(between).find() || ANY_AUTH.matcher(rest).find()
        || ANY_AUTH.matcher(sql.substring(0, joinAt)).find()) {
      return null;
    }
    String ids = star.replaceFirst("SELECT A.RESOURCE_ID_");
    String head = sql.substring(0, joinAt);
    // the engine's sub-query is kept whole (as a derived table for the probes): only where it stands changes
    String starOnce = "EXISTS (SELECT 1 FROM (" + subquery + ") NRS_AUTH WHERE NRS_AUTH.RESOURCE_ID_ = '*')";
    Matcher definitions = DEFINITION_JOIN.matcher(head);
    String condition;
    if (probes) {
      condition = "( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR EXISTS (SELECT 1 FROM (" + subquery + ") NRS_AUTH WHERE "
          + "NRS_AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_)) OR " + starOnce + " )";
    } else if (keyed && definitions.find()) {
      // the task's definition among the deployed ones whose key the caller was granted: a grant per deployed key is a
      // few index reads of ACT_IDX_AUTH_RESOURCE_ID, and D goes unused, so PostgreSQL drops the join (D.ID_ is unique);
      // '*' is one index read, asked once per statement
      condition = "( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR RES.ID_ IN (" + ids + ") OR RES.PROC_DEF_ID_ IN (SELECT NRS_D.ID_ "
          + "FROM " + definitions.group(1) + " NRS_D WHERE NRS_D.KEY_ IN (SELECT NRS_AUTH.RESOURCE_ID_ FROM (" + subquery
          + ") NRS_AUTH)) OR " + starOnce + " )";
    } else {
      condition = "( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR RES.ID_ IN (" + ids + ") OR D.KEY_ IN (" + ids + ") OR '*' IN (" + ids + ") )";
    }
    int copies = probes ? 2 : 3;
    int headCount = placeholders(head);
    int subqueryCount = placeholders(subquery);
    int betweenCount = placeholders(between);
    List<int[]> order = new ArrayList<>();
    order.add(range(0, headCount));
    order.add(range(headCount + subqueryCount, betweenCount));
    for (int copy = 0; copy < copies; copy++) {
      order.add(range(headCount, subqueryCount));
    }
    order.add(range(headCount + subqueryCount + betweenCount, placeholders(rest)));
    // an OR query (Tasklist's "match any") joins its identity links and definitions for other reasons: keep its DISTINCT
    boolean orQuery = ANY_OR.matcher(head + between + rest).find();
    String rewritten = orQuery ? head + between + condition + rest : withoutRepeats(head + between + condition + rest);
    int[] parameterOrder = order.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    if (placeholders(rewritten) != parameterOrder.length) {
      return null; // a '?' the count did not see as a placeholder: leave the statement alone
    }
    return new Rewritten(rewritten, parameterOrder);
  }

  /**
   * The variable query's SQL with the caller's grants probed per variable, or null unless it has exactly the engine's
   * shape: one left join of the caller's authorizations on the variable's process instance, execution, definition key,
   * task and '*', used only in the engine's condition {@code ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_
   * IS NOT NULL))}, as in the task query. The join becomes a correlated
   * {@code EXISTS} over the engine's own sub-query for the four ids (an index probe of {@code ACT_IDX_AUTH_RESOURCE_ID}
   * per variable) and an uncorrelated one for '*' (once per statement). The engine's DISTINCT stays: without the join
   * it has nothing left to remove, so the rows are the same.
   */
  static Rewritten variableProbes(String sql) {
    AuthJoin join = AuthJoin.in(sql, VARIABLE_AUTH_ON);
    if (join == null || !join.left()) {
      return null;
    }
    Matcher found = AUTH_FOUND.matcher(sql);
    if (!found.find(join.onEnd())) {
      return null;
    }
    int foundStart = found.start();
    int foundEnd = found.end();
    if (found.find()) {
      return null;
    }
    String head = sql.substring(0, join.at());
    String subquery = sql.substring(join.subqueryAt(), join.onStart());
    String between = sql.substring(join.onEnd(), foundStart);
    String rest = sql.substring(foundEnd);
    if (!SELECT_A_STAR.matcher(subquery).find() || ANY_AUTH.matcher(head).find() || ANY_AUTH.matcher(between).find()
        || ANY_AUTH.matcher(rest).find()) {
      return null; // AUTH named elsewhere (a composite check's AUTH1): no longer there once the join goes
    }
    String condition = "( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR EXISTS (SELECT 1 FROM (" + subquery + ") NRS_AUTH WHERE NRS_AUTH.RESOURCE_ID_ IN "
        + "(RES.PROC_INST_ID_, PROC_EXECUTION.ID_, PROCDEF.KEY_, RES.TASK_ID_)) OR EXISTS (SELECT 1 FROM (" + subquery
        + ") NRS_AUTH WHERE NRS_AUTH.RESOURCE_ID_ = '*') )";
    int headCount = placeholders(head);
    int subqueryCount = placeholders(subquery);
    int betweenCount = placeholders(between);
    int[] parameterOrder = java.util.stream.Stream.of(range(0, headCount), range(headCount + subqueryCount, betweenCount),
        range(headCount, subqueryCount), range(headCount, subqueryCount),
        range(headCount + subqueryCount + betweenCount, placeholders(rest))).flatMapToInt(java.util.Arrays::stream).toArray();
    String rewritten = head + between + condition + rest;
    return placeholders(rewritten) == parameterOrder.length ? new Rewritten(rewritten, parameterOrder) : null;
  }

  /**
   * Probes for a variable query that names the scopes it reads (a page's tasks or process instances: Tasklist's
   * case-code column), decided from the engine's parsed query: few variables are checked, and the semi-join's
   * hash of all the caller's grants (21,000 at 10,000 open cases) or the engine's comparison of each variable
   * with each grant would cost more than their handful of index reads. Any other variable query runs as the
   * engine wrote it.
   */
  static boolean namesItsScopes(Object parameter) {
    return parameter instanceof VariableInstanceQueryImpl query && (query.getVariableId() != null
        || notEmpty(query.getVariableScopeIds()) || notEmpty(query.getTaskIds()) || notEmpty(query.getProcessInstanceIds())
        || notEmpty(query.getExecutionIds()));
  }

  private static boolean notEmpty(String[] ids) {
    return ids != null && ids.length > 0;
  }

  /**
   * Without the authorizations' join, a task repeats only through the candidate identity link: asked
   * as EXISTS it cannot, and when nothing else but the process definition (one per task) is joined, the
   * DISTINCT is dropped. Any other shape keeps it.
   */
  private static String withoutRepeats(String sql) {
    String candidate = sql;
    Matcher link = CANDIDATE_JOIN.matcher(sql);
    if (link.find()) {
      Matcher groups = CANDIDATE_GROUPS.matcher(sql);
      if (!groups.find(link.end()) || groups.find()) {
        return sql;
      }
      groups.find(link.end());
      String outside = sql.substring(0, link.start()) + sql.substring(link.end(), groups.start()) + sql.substring(groups.end());
      // only at the top of the first query's criteria (an OR query would turn the left join's meaning around)
      if (ANY_I.matcher(outside).find() || !precededByTopLevelAnd(sql, groups.start())) {
        return sql;
      }
      String groupsCondition = sql.substring(groups.start(), groups.end());
      candidate = sql.substring(0, link.start()) + sql.substring(link.end(), groups.start())
          + "EXISTS (SELECT 1 FROM " + link.group(2) + "ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ and "
          + groupsCondition + ")" + sql.substring(groups.end());
    }
    if (!FROM_TO_WHERE.matcher(candidate).find()) {
      return sql; // another join: keep the engine's DISTINCT (and its identity link join)
    }
    Matcher distinct = SELECT_DISTINCT.matcher(candidate);
    if (distinct.find()) {
      return "select " + candidate.substring(distinct.end());
    }
    Matcher count = COUNT_DISTINCT.matcher(candidate);
    if (count.find()) {
      return "select count(RES.ID_)" + candidate.substring(count.end());
    }
    Matcher countOf = COUNT_OF_DISTINCT.matcher(candidate);
    if (countOf.find()) {
      return "SELECT COUNT(*) FROM (SELECT RES.ID_ " + candidate.substring(countOf.end());
    }
    return sql;
  }

  /**
   * The engine opens the first query's criteria with {@code WHERE ( 1 = 1}: the condition must stand at
   * that level, after an {@code and}, not inside a bracket of its own (the caller has ruled out any OR).
   */
  private static boolean precededByTopLevelAnd(String sql, int at) {
    Matcher criteria = FIRST_CRITERIA.matcher(sql);
    if (!criteria.find() || criteria.end() > at) {
      return false;
    }
    String before = sql.substring(criteria.end(), at);
    int depth = 0;
    for (char c : before.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0 && before.strip().toLowerCase(java.util.Locale.ROOT).endsWith("and");
  }

  private static int[] range(int from, int count) {
    return java.util.stream.IntStream.range(from, from + count).toArray();
  }

  private static int placeholders(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }

  private Optional<Rewritten> variableShape(String sql) {
    if (variableShapes.size() > CACHED_SHAPES) {
      variableShapes.clear();
    }
    return variableShapes.computeIfAbsent(sql, s -> Optional.ofNullable(variableProbes(s)));
  }

  private Optional<Rewritten> shape(Form form, String sql) {
    if (form == Form.HASH_JOIN) {
      String hashed = rewrite(sql);
      return Optional.ofNullable(hashed).map(s -> new Rewritten(s, null));
    }
    boolean keyed = keyedChecks || form == Form.PROBE;
    Map<String, Optional<Rewritten>> known = keyed ? shapes.get(form) : unkeyedShapes;
    if (known.size() > CACHED_SHAPES) {
      known.clear();
    }
    return known.computeIfAbsent(sql, s -> Optional.ofNullable(semiJoin(s, form == Form.PROBE, keyed)));
  }

  /**
   * The handler a statement interceptor is given, seen through the proxies of the other interceptors (each plugin wraps
   * the handler in a proxy of its own, so the second one would see the first one's proxy, with no statement): the
   * engine's sessions use a RoutingStatementHandler, whose {@code delegate} knows the statement.
   */
  static MetaObject statementHandler(Object target) {
    Object handler = target;
    while (java.lang.reflect.Proxy.isProxyClass(handler.getClass())) {
      handler = SystemMetaObject.forObject(java.lang.reflect.Proxy.getInvocationHandler(handler)).getValue("target");
    }
    return SystemMetaObject.forObject(handler);
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class Rewrite implements Interceptor {

    private final TaskQueryAuthorizationJoin owner;

    Rewrite(TaskQueryAuthorizationJoin owner) {
      this.owner = owner;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Form form = owner.form;
      if (form == Form.ENGINE) {
        return invocation.proceed();
      }
      MetaObject handler = statementHandler(invocation.getTarget());
      if (handler.hasGetter("delegate")) {
        MappedStatement statement = (MappedStatement) handler.getValue("delegate.mappedStatement");
        String id = statement == null ? "" : statement.getId();
        boolean tasks = STATEMENTS.contains(id);
        if (tasks || VARIABLES.equals(id) && owner.variableProbes) {
          BoundSql bound = (BoundSql) handler.getValue("delegate.boundSql");
          Optional<Rewritten> rewritten = Optional.empty();
          if (tasks) {
            rewritten = owner.shape(form == Form.CHOSEN ? chosen(bound.getParameterObject(), id.equals(PAGE)) : form, bound.getSql());
          } else if (namesItsScopes(bound.getParameterObject())) {
            rewritten = owner.variableShape(bound.getSql());
          }
          if (rewritten.isPresent()) {
            MetaObject boundSql = SystemMetaObject.forObject(bound);
            int[] order = rewritten.get().parameterOrder();
            List<ParameterMapping> engines = bound.getParameterMappings();
            if (order != null && engines.size() != placeholders(bound.getSql())) {
              return invocation.proceed(); // the engine's own placeholders are not what the text says: send it as it is
            }
            if (order != null) {
              List<ParameterMapping> reordered = new ArrayList<>(order.length);
              for (int index : order) {
                reordered.add(engines.get(index));
              }
              boundSql.setValue("parameterMappings", reordered);
            }
            boundSql.setValue("sql", rewritten.get().sql());
            owner.rewrites.incrementAndGet();
            if (!tasks) {
              owner.variableRewrites.incrementAndGet();
            }
          }
        }
      }
      return invocation.proceed();
    }
  }
}
