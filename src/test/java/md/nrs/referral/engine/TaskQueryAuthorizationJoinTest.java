package md.nrs.referral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskQueryAuthorizationJoinTest {

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

  private static long placeholders(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }
}
