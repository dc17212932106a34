package md.nrs.referral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import md.nrs.referral.engine.TaskQueryAuthorizationJoin.Form;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.Test;

class TaskQueryAuthorizationJoinTest {

  private static final String CASE_CODE = CaseVariables.CASE_CODE.name();

  /** The count query engine 7.24 sends for Tasklist's "My agency" filter on PostgreSQL, as MyBatis prepares it. */
  private static final String MY_AGENCY_COUNT = """
      select count(distinct RES.ID_)
          from ACT_RU_TASK RES
          inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
          left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
          left join (
          SELECT A.*
          FROM ACT_RU_AUTHORIZATION A
          WHERE A.TYPE_ < 2
          AND ( A.USER_ID_ in ( ?, '*')
            OR A.GROUP_ID_ IN ( ? , ? )
          )
          AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )
          ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
          WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) ) and RES.SUSPENSION_STATE_ = 1 )
          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
          and (RES.TENANT_ID_ is null )
      """;

  /** The count engine 7.24 sends on PostgreSQL for "Unassigned in my agency" (whitespace shortened). */
  private static final String UNASSIGNED_COUNT = """
      SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
          from ACT_RU_TASK RES
          left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
          left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
          left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) )
          AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) )
          AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
          WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate'
          and ( I.GROUP_ID_ IN ( ? , ? ) ) ) )
          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
          and (RES.TENANT_ID_ is null ) ) countDistinct
      """;

  /** The page engine 7.24 sends on PostgreSQL for "Overdue" (columns shortened). */
  private static final String OVERDUE_PAGE = """
      select distinct RES.REV_, RES.ID_, RES.DUE_DATE_
          from ACT_RU_TASK RES
          left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
          left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) )
          AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) )
          AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
          WHERE ( 1 = 1 and ( RES.DUE_DATE_ < ? and RES.DUE_DATE_ is not null ) )
          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
          and (RES.TENANT_ID_ is null )
          order by RES.DUE_DATE_ asc, RES.ID_ asc
          LIMIT ? OFFSET ?
      """;

  /** The variable query engine 7.24 sends on PostgreSQL for Tasklist's case-code column (the activity instance column shortened). */
  private static final String CASE_CODES_OF_A_PAGE = """
      select distinct RES.* from ( select RES.*, ( case when RES.TASK_ID_ is not null then EXECUTION.ACT_INST_ID_
          else EXECUTION.ACT_INST_ID_ end ) ACT_INST_ID_ from ACT_RU_VARIABLE RES
          left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_
          left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
          left join ACT_RU_EXECUTION PROC_EXECUTION on PROC_EXECUTION.ID_ = RES.PROC_INST_ID_
          left join ACT_RE_PROCDEF PROCDEF on PROCDEF.ID_ = PROC_EXECUTION.PROC_DEF_ID_
          left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
          AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ?
          AND A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.PROC_INST_ID_ , PROC_EXECUTION.ID_ , PROCDEF.KEY_ ,
          RES.TASK_ID_ , '*' ) )
          WHERE RES.NAME_ in ( ? ) and RES.VAR_SCOPE_ in ( ? , ? , ? )
          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) ) RES
          order by RES.ID_ asc LIMIT ? OFFSET ?
      """;

  /** Tasklist's "match any": an OR query, whose identity link join serves one branch only. */
  private static final String MATCH_ANY_PAGE = OVERDUE_PAGE
      .replace("from ACT_RU_TASK RES", "from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_")
      .replace("WHERE ( 1 = 1 and ( RES.DUE_DATE_ < ? and RES.DUE_DATE_ is not null ) )", "WHERE ( 1 = 1 ) and ( 1 = 1 and "
          + "RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) )");

  @Test
  void joinsTheAuthorizationsOnOneEqualityOverTheTasksThreeResourceIds() {
    String rewritten = TaskQueryAuthorizationJoin.rewrite(MY_AGENCY_COUNT);

    assertThat(rewritten).contains("cross join lateral (VALUES (RES.ID_), (D.KEY_), ('*')) NRS_AUTH_KEY (ID_) left join (")
        .contains(") AUTH ON (AUTH.RESOURCE_ID_ = NRS_AUTH_KEY.ID_)")
        .doesNotContain("IN ( RES.ID_ , D.KEY_ , '*' )");
    // the authorization key rows come after the process definition they name, before the authorizations
    assertThat(rewritten.indexOf("NRS_AUTH_KEY (ID_)")).isGreaterThan(rewritten.indexOf("left join ACT_RE_PROCDEF D"))
        .isLessThan(rewritten.indexOf("FROM ACT_RU_AUTHORIZATION A"));
  }

  @Test
  void keepsEveryParameterInItsPlaceSoTheBoundValuesStillMatch() {
    String rewritten = TaskQueryAuthorizationJoin.rewrite(MY_AGENCY_COUNT);

    assertThat(placeholders(rewritten)).isEqualTo(placeholders(MY_AGENCY_COUNT)).isEqualTo(11);
    assertThat(rewritten.replaceAll("\\s+", " "))
        .contains("WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) )");
  }

  @Test
  void leavesAQueryWithoutTheAuthorizationJoinAlone() {
    assertThat(TaskQueryAuthorizationJoin.rewrite("select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?")).isNull();
  }

  @Test
  void leavesAShapeItDoesNotKnowAlone() {
    String twoJoins = MY_AGENCY_COUNT.replace("and (RES.TENANT_ID_ is null )",
        "and exists (select 1 from ACT_RU_TASK T left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A ) AUTH "
            + "ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )))");
    String otherResource = MY_AGENCY_COUNT.replace("IN ( RES.ID_ , D.KEY_ , '*' )", "IN ( RES.PROC_INST_ID_ , '*' )");

    assertThat(TaskQueryAuthorizationJoin.rewrite(twoJoins)).isNull();
    assertThat(TaskQueryAuthorizationJoin.rewrite(otherResource)).isNull();
  }

  @Test
  void asksForTheCallersAuthorizationsAsHashedSubQueriesInsteadOfJoiningThem() {
    TaskQueryAuthorizationJoin.Rewritten semi = TaskQueryAuthorizationJoin.semiJoin(MY_AGENCY_COUNT);

    assertThat(semi.sql()).doesNotContain(") AUTH ON")
        .contains("( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR RES.ID_ IN (SELECT A.RESOURCE_ID_");
    assertThat(TaskQueryAuthorizationJoin.unkeyedSemiJoin(MY_AGENCY_COUNT).sql()).doesNotContain("SELECT A.*")
        .contains(") OR D.KEY_ IN (SELECT A.RESOURCE_ID_").contains(") OR '*' IN (SELECT A.RESOURCE_ID_");
  }

  @Test
  void asksForTheTasksDefinitionAmongTheDeployedOnesWhoseKeyWasGrantedAndForStarOnce() {
    TaskQueryAuthorizationJoin.Rewritten semi = TaskQueryAuthorizationJoin.semiJoin(OVERDUE_PAGE);
    String bound = bind(semi.sql(), semi.parameterOrder()).replaceAll("\\s+", " ");
    String callers = " SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( p0, '*') OR A.GROUP_ID_ "
        + "IN ( p1 , p2 ) ) AND ( ( A.RESOURCE_TYPE_ = p3 AND A.PERMS_ & p4 = p5 OR A.RESOURCE_TYPE_ = p6 AND A.PERMS_ & p7 = p8 ) ) ";

    // the engine's sub-query whole each time: a task grant named like a definition key still counts, as in the engine's join
    assertThat(bound).contains("( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR RES.ID_ IN (" + callers.replace(" SELECT A.*", "SELECT A.RESOURCE_ID_")
        + ") OR RES.PROC_DEF_ID_ IN (SELECT NRS_D.ID_ FROM ACT_RE_PROCDEF NRS_D WHERE NRS_D.KEY_ IN (SELECT "
        + "NRS_AUTH.RESOURCE_ID_ FROM (" + callers + ") NRS_AUTH)) OR EXISTS (SELECT 1 FROM (" + callers + ") NRS_AUTH WHERE "
        + "NRS_AUTH.RESOURCE_ID_ = '*') )")
        .contains("WHERE ( 1 = 1 and ( RES.DUE_DATE_ < p9 and RES.DUE_DATE_ is not null ) )")
        .endsWith("order by RES.DUE_DATE_ asc, RES.ID_ asc LIMIT p10 OFFSET p11 ");
    assertThat(semi.parameterOrder()).hasSize((int) placeholders(semi.sql())).hasSize(9 * 3 + 3);
    String prefixed = OVERDUE_PAGE.replace("ACT_", "NRS_ACT_");
    assertThat(TaskQueryAuthorizationJoin.semiJoin(prefixed).sql()).as("the engine's table prefix")
        .contains("(SELECT NRS_D.ID_ FROM NRS_ACT_RE_PROCDEF NRS_D WHERE");
  }

  @Test
  void asksForTheCandidateGroupAsExistsSoNoTaskRepeatsAndCountsWithoutDistinct() {
    String semi = TaskQueryAuthorizationJoin.semiJoin(MY_AGENCY_COUNT).sql().replaceAll("\\s+", " ");

    assertThat(semi).startsWith("select count(RES.ID_) from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
        .doesNotContain("join ACT_RU_IDENTITYLINK")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ and ( I.TYPE_ = 'candidate' and "
            + "( I.GROUP_ID_ IN ( ? , ? ) ) ))");
  }

  @Test
  void everyBoundValueStillMeetsItsPlaceholderAfterTheAuthorizationsMoveBehindTheCriteria() {
    TaskQueryAuthorizationJoin.Rewritten semi = TaskQueryAuthorizationJoin.semiJoin(MY_AGENCY_COUNT);

    String engines = bind(MY_AGENCY_COUNT, null).replaceAll("\\s+", " ");
    String rewritten = bind(semi.sql(), semi.parameterOrder()).replaceAll("\\s+", " ");
    // the engine's statement binds the caller first (p0..p8: user, two groups, resource types and permissions), then the criteria
    assertThat(engines).contains("A.USER_ID_ in ( p0, '*') OR A.GROUP_ID_ IN ( p1 , p2 )").contains("I.GROUP_ID_ IN ( p9 , p10 )");
    assertThat(rewritten).contains("I.GROUP_ID_ IN ( p9 , p10 )")
        .contains("A.RESOURCE_TYPE_ = p3 AND A.PERMS_ & p4 = p5 OR A.RESOURCE_TYPE_ = p6 AND A.PERMS_ & p7 = p8");
    assertThat(rewritten.split("A\\.USER_ID_ in \\( p0, '\\*'\\) OR A\\.GROUP_ID_ IN \\( p1 , p2 \\)", -1))
        .as("the caller's ids in each of the three sub-queries").hasSize(4);
    assertThat(semi.parameterOrder()).hasSize((int) placeholders(semi.sql())).hasSize(9 * 3 + 2);
  }

  @Test
  void keepsTheDistinctWhenAnotherJoinCouldRepeatATask() {
    String byBusinessKey = MY_AGENCY_COUNT.replace("left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_",
        "left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_");
    String identityLinkUsedTwice = MY_AGENCY_COUNT.replace("and RES.SUSPENSION_STATE_ = 1", "and I.USER_ID_ is null");

    assertThat(TaskQueryAuthorizationJoin.semiJoin(byBusinessKey).sql()).contains("count(distinct RES.ID_)")
        .doesNotContain(") AUTH ON");
    assertThat(TaskQueryAuthorizationJoin.semiJoin(identityLinkUsedTwice).sql()).contains("count(distinct RES.ID_)")
        .contains("inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_");
  }

  @Test
  void leavesAnInnerJoinOrAnotherUseOfTheAuthorizationsAlone() {
    String inner = MY_AGENCY_COUNT.replace("left join (", "inner join (");
    String usedElsewhere = MY_AGENCY_COUNT.replace("and (RES.TENANT_ID_ is null )", "and (AUTH.TYPE_ = 1)");

    assertThat(TaskQueryAuthorizationJoin.semiJoin(inner)).isNull();
    assertThat(TaskQueryAuthorizationJoin.semiJoin(usedElsewhere)).isNull();
    assertThat(TaskQueryAuthorizationJoin.semiJoin("select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?")).isNull();
  }

  @Test
  void countsTheUnassignedTasksOfTheAgencyWithoutDistinctAndAsksForTheirCandidateLinkAsExists() {
    TaskQueryAuthorizationJoin.Rewritten semi = TaskQueryAuthorizationJoin.semiJoin(UNASSIGNED_COUNT);
    String sql = semi.sql().replaceAll("\\s+", " ");

    assertThat(sql).startsWith("SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
        .contains("WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE "
            + "I.TASK_ID_ = RES.ID_ and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) )) )")
        .endsWith(") countDistinct ");
    assertThat(bind(semi.sql(), semi.parameterOrder()).replaceAll("\\s+", " ")).contains("I.GROUP_ID_ IN ( p9 , p10 )");
  }

  @Test
  void pagesTheOverdueTasksWithoutDistinctSoTheSortStopsAtThePage() {
    TaskQueryAuthorizationJoin.Rewritten semi = TaskQueryAuthorizationJoin.semiJoin(OVERDUE_PAGE);
    String bound = bind(semi.sql(), semi.parameterOrder()).replaceAll("\\s+", " ");

    assertThat(bound).startsWith("select RES.REV_, RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
        .contains("WHERE ( 1 = 1 and ( RES.DUE_DATE_ < p9 and RES.DUE_DATE_ is not null ) )")
        .endsWith("order by RES.DUE_DATE_ asc, RES.ID_ asc LIMIT p10 OFFSET p11 ");
  }

  @Test
  void keepsTheDistinctAndTheIdentityLinkJoinOfAnOrQuery() {
    String sql = TaskQueryAuthorizationJoin.semiJoin(MATCH_ANY_PAGE).sql().replaceAll("\\s+", " ");

    assertThat(sql).startsWith("select distinct").contains("left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_")
        .contains("OR RES.ID_ IN (SELECT A.RESOURCE_ID_").doesNotContain(") AUTH ON");
  }

  @Test
  void probesEachTasksGrantsThroughTheEnginesOwnSubQueryAndAsksForStarOnce() {
    TaskQueryAuthorizationJoin.Rewritten probes = TaskQueryAuthorizationJoin.probes(OVERDUE_PAGE);
    String bound = bind(probes.sql(), probes.parameterOrder()).replaceAll("\\s+", " ");
    String callers = " SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( p0, '*') OR A.GROUP_ID_ "
        + "IN ( p1 , p2 ) ) AND ( ( A.RESOURCE_TYPE_ = p3 AND A.PERMS_ & p4 = p5 OR A.RESOURCE_TYPE_ = p6 AND A.PERMS_ & p7 = p8 ) ) ";

    assertThat(bound).startsWith("select RES.REV_, RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
        .doesNotContain(") AUTH ON").doesNotContain(" IN (SELECT A.RESOURCE_ID_")
        .contains("( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR EXISTS (SELECT 1 FROM (" + callers + ") NRS_AUTH WHERE "
            + "NRS_AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_)) OR EXISTS (SELECT 1 FROM (" + callers + ") NRS_AUTH WHERE "
            + "NRS_AUTH.RESOURCE_ID_ = '*') )")
        .contains("WHERE ( 1 = 1 and ( RES.DUE_DATE_ < p9 and RES.DUE_DATE_ is not null ) )")
        .endsWith("order by RES.DUE_DATE_ asc, RES.ID_ asc LIMIT p10 OFFSET p11 ");
    assertThat(probes.parameterOrder()).hasSize((int) placeholders(probes.sql())).hasSize(9 * 2 + 3);
  }

  @Test
  void probesTheCandidateGroupsCountAsExistsWithoutDistinctLikeTheSemiJoin() {
    String probes = TaskQueryAuthorizationJoin.probes(MY_AGENCY_COUNT).sql().replaceAll("\\s+", " ");

    assertThat(probes).startsWith("select count(RES.ID_) from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ and ( I.TYPE_ = 'candidate' and "
            + "( I.GROUP_ID_ IN ( ? , ? ) ) ))")
        .contains("NRS_AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_)");
    assertThat(TaskQueryAuthorizationJoin.probes(MATCH_ANY_PAGE).sql().replaceAll("\\s+", " ")).startsWith("select distinct")
        .contains("NRS_AUTH.RESOURCE_ID_ = '*'");
  }

  @Test
  void probesAnyStatementOfADueTodayQueryAndOnlyThePageOfTheCallersOwnList() {
    Date today = Date.from(Instant.parse("2026-12-04T00:00:00Z"));
    Date tomorrow = Date.from(Instant.parse("2026-12-05T00:00:00Z"));
    assertThat(chosen(new TaskQueryImpl().dueAfter(today).dueBefore(tomorrow), false)).isEqualTo(Form.PROBE);
    assertThat(chosen(new TaskQueryImpl().dueDate(today), false)).isEqualTo(Form.PROBE);
    assertThat(chosen(new TaskQueryImpl().dueBefore(tomorrow), true)).as("Overdue").isEqualTo(Form.SEMI_JOIN);
    assertThat(chosen(new TaskQueryImpl().dueAfter(today).dueBefore(Date.from(Instant.parse("2027-01-04T00:00:00Z"))), true))
        .as("a month").isEqualTo(Form.SEMI_JOIN);
    assertThat(chosen(new TaskQueryImpl(), true)).as("GET /engine-rest/task").isEqualTo(Form.SEMI_JOIN);

    TaskQueryImpl myTasks = new TaskQueryImpl().taskAssignee("a.caseworker");
    TaskQueryImpl myAgency = (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of("agency-a")).includeAssignedTasks();
    TaskQueryImpl othersTasks = new TaskQueryImpl().taskAssignee("b.caseworker");
    TaskQueryImpl otherAgency = (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of("agency-a", "agency-b"));
    for (TaskQueryImpl query : List.of(myTasks, myAgency, othersTasks, otherAgency)) {
      query.setAuthCheck(new AuthorizationCheck("a.caseworker", List.of("agency-a", "caseworkers"), null, true));
    }
    assertThat(chosen(myTasks, true)).isEqualTo(Form.PROBE);
    assertThat(chosen(myAgency, true)).isEqualTo(Form.PROBE);
    assertThat(chosen(myAgency, false)).as("its count checks every task of the agency").isEqualTo(Form.SEMI_JOIN);
    assertThat(chosen(othersTasks, true)).isEqualTo(Form.SEMI_JOIN);
    assertThat(chosen(otherAgency, true)).isEqualTo(Form.SEMI_JOIN);
    assertThat(chosen("not a task query", true)).isEqualTo(Form.SEMI_JOIN);
  }

  @Test
  void probesEachVariablesGrantsThroughTheEnginesOwnSubQueryAndKeepsItsDistinct() {
    TaskQueryAuthorizationJoin.Rewritten probes = TaskQueryAuthorizationJoin.variableProbes(CASE_CODES_OF_A_PAGE);
    String bound = bind(probes.sql(), probes.parameterOrder()).replaceAll("\\s+", " ");

    assertThat(bound).doesNotContain("AUTH ON").doesNotContainPattern("\\bAUTH\\.")
        .startsWith("select distinct RES.* from ( select RES.*")
        .contains("WHERE RES.NAME_ in ( p11 ) and RES.VAR_SCOPE_ in ( p12 , p13 , p14 ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) "
            + "OR EXISTS (SELECT 1 FROM ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( p0, '*') "
            + "OR A.GROUP_ID_ IN ( p1 ) )")
        .contains(") NRS_AUTH WHERE NRS_AUTH.RESOURCE_ID_ IN (RES.PROC_INST_ID_, PROC_EXECUTION.ID_, PROCDEF.KEY_, RES.TASK_ID_)) "
            + "OR EXISTS (SELECT 1 FROM ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( p0, '*')")
        .contains("A.PERMS_ & p9 = p10 ) ) ) NRS_AUTH WHERE NRS_AUTH.RESOURCE_ID_ = '*') ) and (RES.TENANT_ID_ is null ) ) RES")
        .endsWith("order by RES.ID_ asc LIMIT p15 OFFSET p16 ");
    assertThat(probes.parameterOrder()).hasSize((int) placeholders(probes.sql())).hasSize(11 * 2 + 6);
  }

  @Test
  void leavesAVariableQueryOfAnotherShapeAlone() {
    assertThat(TaskQueryAuthorizationJoin.variableProbes(CASE_CODES_OF_A_PAGE.replace("RES.TASK_ID_ , '*'", "'*'"))).isNull();
    assertThat(TaskQueryAuthorizationJoin.variableProbes(CASE_CODES_OF_A_PAGE.replace("left join ( SELECT A.*", "inner join ( SELECT A.*")))
        .as("an inner join").isNull();
    assertThat(TaskQueryAuthorizationJoin.variableProbes(CASE_CODES_OF_A_PAGE.replace("and (RES.TENANT_ID_ is null )",
        "and AUTH1.RESOURCE_ID_ IS NOT NULL"))).as("a composite check's second join").isNull();
    assertThat(TaskQueryAuthorizationJoin.variableProbes(OVERDUE_PAGE)).as("the task query").isNull();
  }

  @Test
  void probesOnlyAVariableQueryThatNamesTheScopesItReads() {
    VariableInstanceQueryImpl page = new VariableInstanceQueryImpl();
    page.variableScopeIdIn("task-1", "case-1").variableNameIn(CASE_CODE);
    VariableInstanceQueryImpl byTask = new VariableInstanceQueryImpl();
    byTask.taskIdIn("task-1");
    VariableInstanceQueryImpl byName = new VariableInstanceQueryImpl();
    byName.variableName(CASE_CODE);

    assertThat(TaskQueryAuthorizationJoin.namesItsScopes(page)).isTrue();
    assertThat(TaskQueryAuthorizationJoin.namesItsScopes(byTask)).isTrue();
    assertThat(TaskQueryAuthorizationJoin.namesItsScopes(byName)).as("every case's variable of that name").isFalse();
    assertThat(TaskQueryAuthorizationJoin.namesItsScopes(new TaskQueryImpl())).isFalse();
  }

  private static Form chosen(Object query, boolean page) {
    return TaskQueryAuthorizationJoin.chosen(query, page);
  }

  /** The statement with its i-th placeholder replaced by p{order[i]} (by pi when order is null). */
  private static String bind(String sql, int[] order) {
    StringBuilder bound = new StringBuilder();
    int next = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?') {
        bound.append('p').append(order == null ? next : order[next]);
        next++;
      } else {
        bound.append(c);
      }
    }
    return bound.toString();
  }

  private static long placeholders(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }
}
