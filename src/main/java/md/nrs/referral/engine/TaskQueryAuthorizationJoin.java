package md.nrs.referral.engine;

import java.sql.Connection;
import java.util.Set;
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
 * Makes the task query's authorization check linear on PostgreSQL. With authorizations on, the engine
 * joins each task to the caller's authorizations {@code ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))}.
 * That condition is an OR of three equalities: PostgreSQL can neither hash nor merge on it, so it compares
 * every task with every authorization of the caller's groups — and there is one per open task of the
 * agency — in a nested loop: quadratic in the agency's open tasks (600 tasks × 900 authorizations = 540,000
 * comparisons, 230 ms; at 10,000 open cases it would be seconds per Tasklist list).
 *
 * <p>The rewrite gives each task its three candidate resource ids as rows ({@code VALUES (RES.ID_),
 * (D.KEY_), ('*')}) and joins the authorizations on one equality, which PostgreSQL hashes: the same rows
 * match (a task passes when an authorization names it, its process definition's key or '*'), the query's
 * own {@code DISTINCT} / {@code count(distinct)} removes the extra copies, and the bound parameters keep
 * their order because no placeholder moves. Only the engine's two task query statements are touched, only
 * on PostgreSQL, and only when their SQL has exactly the expected shape; otherwise they run unchanged.
 * The engine's revoke-aware variant (no AUTH join) is never matched.
 */
@Component
public class TaskQueryAuthorizationJoin extends AbstractProcessEnginePlugin {

  static final Set<String> STATEMENTS = Set.of(
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");
  private static final Pattern AUTH_JOIN = Pattern.compile(
      "(?i)\\b(left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+\\w*ACT_RU_AUTHORIZATION\\s+A\\b");
  private static final Pattern AUTH_ON = Pattern.compile(
      "(?i)\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)");
  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorizationJoin.class);

  /** On unless switched off, e.g. by the benchmark, to measure the engine's own join in the same run. */
  private volatile boolean enabled = true;
  private final java.util.concurrent.atomic.AtomicLong rewrites = new java.util.concurrent.atomic.AtomicLong();

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How many statements this engine has sent rewritten. */
  long rewrites() {
    return rewrites.get();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewrite(this));
    LOG.info("Task queries join authorizations by hash on PostgreSQL");
  }

  /** The task query's SQL with the hashable join, or null when it does not have exactly the expected shape. */
  static String rewrite(String sql) {
    Matcher join = AUTH_JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    int joinAt = join.start();
    int joinEnd = join.end();
    Matcher on = AUTH_ON.matcher(sql);
    if (join.find() || !on.find(joinEnd)) {
      return null;
    }
    int onStart = on.start();
    int onEnd = on.end();
    if (on.find()) {
      return null;
    }
    return sql.substring(0, joinAt) + "cross join lateral (VALUES (RES.ID_), (D.KEY_), ('*')) NRS_AUTH_KEY (ID_) "
        + sql.substring(joinAt, onStart) + ") AUTH ON (AUTH.RESOURCE_ID_ = NRS_AUTH_KEY.ID_)" + sql.substring(onEnd);
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class Rewrite implements Interceptor {

    private final TaskQueryAuthorizationJoin owner;

    Rewrite(TaskQueryAuthorizationJoin owner) {
      this.owner = owner;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (!owner.enabled) {
        return invocation.proceed();
      }
      // the RoutingStatementHandler the engine's sessions use wraps the handler that knows its statement
      MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
      if (handler.hasGetter("delegate")) {
        MappedStatement statement = (MappedStatement) handler.getValue("delegate.mappedStatement");
        if (statement != null && STATEMENTS.contains(statement.getId())) {
          BoundSql bound = (BoundSql) handler.getValue("delegate.boundSql");
          String rewritten = rewrite(bound.getSql());
          if (rewritten != null) {
            SystemMetaObject.forObject(bound).setValue("sql", rewritten);
            owner.rewrites.incrementAndGet();
          }
        }
      }
      return invocation.proceed();
    }
  }
}
