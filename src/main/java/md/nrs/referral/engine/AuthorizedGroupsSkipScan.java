package md.nrs.referral.engine;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's list of groups that hold any authorization cheap on PostgreSQL. Every command that checks
 * authorizations first keeps only the caller's groups that have a grant at all ({@code AuthorizationManager
 * .filterAuthenticatedGroupIds}), and to know them it reads {@code SELECT distinct(A.GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION A} once per command: a scan of every authorization — one per open task and candidate
 * group or assignee, 25,000 at 10,000 open cases, ~40 ms, five times per Tasklist list — for a few dozen groups.
 *
 * <p>The same set is read here as a skip scan of the engine's index on {@code GROUP_ID_} ({@code ACT_IDX_AUTH_GROUP_ID}):
 * a recursive query that asks the index for the first group after the last one found, one index read per
 * distinct group, plus NULL when an authorization has no group (the engine's statement returns it too; the
 * engine drops it). Only that statement, only on PostgreSQL, only with exactly the engine's text; it is not
 * the revoke check ({@code authorizationCheckRevokes}), which the engine asks separately and cheaply.
 */
@Component
public class AuthorizedGroupsSkipScan extends AbstractProcessEnginePlugin {

  static final String STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";
  private static final Pattern ENGINES = Pattern.compile(
      "(?i)^\\s*SELECT\\s+distinct\\s*\\(\\s*A\\.GROUP_ID_\\s*\\)\\s+FROM\\s+(\\w*)ACT_RU_AUTHORIZATION\\s+A\\s*$");
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizedGroupsSkipScan.class);

  private volatile boolean enabled = true;
  private final AtomicLong rewrites = new AtomicLong();

  /** On (the skip scan) or off (the engine's own statement), e.g. in the benchmark, to measure both in the same run. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  long rewrites() {
    return rewrites.get();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewrite(this));
    LOG.info("The groups holding authorizations are read by a skip scan of their index on PostgreSQL");
  }

  /** The skip scan for the engine's statement, or null when the text is not exactly the engine's. */
  static String skipScan(String sql) {
    Matcher engines = ENGINES.matcher(sql);
    if (!engines.find()) {
      return null;
    }
    String table = engines.group(1) + "ACT_RU_AUTHORIZATION";
    return "WITH RECURSIVE NRS_GROUPS (GROUP_ID_) AS ("
        + " (SELECT A.GROUP_ID_ FROM " + table + " A WHERE A.GROUP_ID_ IS NOT NULL ORDER BY A.GROUP_ID_ LIMIT 1)"
        + " UNION ALL"
        + " SELECT (SELECT A.GROUP_ID_ FROM " + table + " A WHERE A.GROUP_ID_ > G.GROUP_ID_ ORDER BY A.GROUP_ID_ LIMIT 1)"
        + " FROM NRS_GROUPS G WHERE G.GROUP_ID_ IS NOT NULL)"
        + " SELECT G.GROUP_ID_ FROM NRS_GROUPS G WHERE G.GROUP_ID_ IS NOT NULL"
        + " UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM " + table + " A WHERE A.GROUP_ID_ IS NULL)";
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class Rewrite implements Interceptor {

    private final AuthorizedGroupsSkipScan owner;

    Rewrite(AuthorizedGroupsSkipScan owner) {
      this.owner = owner;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (!owner.enabled) {
        return invocation.proceed();
      }
      MetaObject handler = TaskQueryAuthorizationJoin.statementHandler(invocation.getTarget());
      if (handler.hasGetter("delegate")) {
        MappedStatement statement = (MappedStatement) handler.getValue("delegate.mappedStatement");
        if (statement != null && STATEMENT.equals(statement.getId())) {
          BoundSql bound = (BoundSql) handler.getValue("delegate.boundSql");
          String scan = bound.getParameterMappings().isEmpty() ? skipScan(bound.getSql()) : null;
          if (scan != null) {
            SystemMetaObject.forObject(bound).setValue("sql", scan);
            owner.rewrites.incrementAndGet();
          }
        }
      }
      return invocation.proceed();
    }
  }
}
