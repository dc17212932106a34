package md.nrs.referral.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.engine.AuthorizedGroupsSkipScan;
import md.nrs.referral.engine.TaskQueryAuthorizationJoin;
import md.nrs.referral.engine.TaskQueryAuthorizationJoin.Form;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A tool, not a check: EXPLAIN (ANALYZE, BUFFERS) of the task statements Tasklist's five shared filters send (count and
 * first page, "created" sorting, active tasks) as one caseworker, in each form of the authorization check, on a database
 * the scale benchmark kept ({@code -Dnrs.benchmark.keep-database=true}). Run:
 * {@code ./mvnw -o test -Pbenchmark -Dtest=ExplainTaskListStatementsTest -Dnrs.benchmark.explain-database=NAME
 * [-Dnrs.benchmark.explain-user=bench.mdt-chisinau] [-Dnrs.benchmark.explain-runs=5]
 * [-Dnrs.benchmark.explain-forms=CHOSEN:unkeyed,CHOSEN]}. Prints the median, min and max of the server's planning plus
 * execution time per statement and form (the forms take turns, run by run), and each form's last plan; skipped without
 * the property.
 */
@Tag("benchmark")
class ExplainTaskListStatementsTest {

  private static final Pattern TIME = Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms");

  @Test
  void explainTheFiltersStatements() throws SQLException {
    String database = System.getProperty("nrs.benchmark.explain-database");
    assumeTrue(database != null && !database.isBlank(), "-Dnrs.benchmark.explain-database=NAME names a kept database");
    String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
    String user = System.getProperty("nrs.benchmark.explain-user", "bench.mdt-chisinau");
    int runs = Integer.getInteger("nrs.benchmark.explain-runs", 5);
    List<String> forms = List.of(System.getProperty("nrs.benchmark.explain-forms", "CHOSEN:unkeyed,CHOSEN").split(","));
    TaskQueryAuthorizationJoin join = new TaskQueryAuthorizationJoin();
    Capture capture = new Capture();
    StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration().setJdbcUrl(url).setJdbcUsername("postgres").setJdbcPassword("")
        .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setJobExecutorActivate(false).setProcessEngineName("explain-" + System.nanoTime());
    configuration.setAuthorizationEnabled(true);
    configuration.setEnableExpressionsInStoredQueries(true);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    // the capture first: MyBatis wraps later interceptors around earlier ones, so it sees the rewritten statement
    configuration.getProcessEnginePlugins().addAll(List.of(capture, new AuthorizedGroupsSkipScan(), join));
    ProcessEngine engine = configuration.buildProcessEngine();
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId)
          .toList();
      System.out.println("EXPLAIN as " + user + " in " + groups + ", load average " + BenchmarkReport.loadAverage());
      List<Filter> filters = engine.getFilterService().createFilterQuery().filterResourceType("Task").list();
      // each statement in every form, then EXPLAINed form after form, run by run: the forms see the same load
      Map<String, Map<String, String>> statements = new LinkedHashMap<>();
      for (String form : forms) {
        // "CHOSEN:unkeyed": the semi-join's definition and '*' checks as they were (TaskQueryAuthorizationJoin.setKeyedChecks)
        join.setForm(Form.valueOf(form.split(":")[0].trim()));
        join.setKeyedChecks(!form.endsWith(":unkeyed"));
        for (Filter filter : filters) {
          engine.getIdentityService().setAuthentication(user, groups);
          try {
            capture.sql.clear();
            engine.getFilterService().count(filter.getId(), engine.getTaskService().createTaskQuery().active());
            statements.computeIfAbsent(filter.getName() + ", count", k -> new LinkedHashMap<>())
                .put(form, capture.last("selectTaskCountByQueryCriteria"));
            capture.sql.clear();
            engine.getFilterService().listPage(filter.getId(),
                engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc(), 0, 15);
            statements.computeIfAbsent(filter.getName() + ", page", k -> new LinkedHashMap<>())
                .put(form, capture.last("selectTaskByQueryCriteria"));
          } finally {
            engine.getIdentityService().clearAuthentication();
          }
        }
      }
      for (Map.Entry<String, Map<String, String>> statement : statements.entrySet()) {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
          for (Map.Entry<String, String> form : statement.getValue().entrySet()) {
            List<String> plan = explain(connection, form.getValue());
            plans.put(form.getKey(), plan);
            times.computeIfAbsent(form.getKey(), k -> new ArrayList<>()).add(serverTime(plan));
          }
        }
        for (String form : statement.getValue().keySet()) {
          List<Double> sorted = times.get(form).stream().sorted().toList();
          System.out.println(String.format(Locale.ROOT, "EXPLAIN %s, %s: median %.1f ms (min %.1f, max %.1f; planning + "
              + "execution, %d runs)", statement.getKey(), form, sorted.get(sorted.size() / 2), sorted.get(0),
              sorted.get(sorted.size() - 1), sorted.size()));
        }
        for (String form : statement.getValue().keySet()) {
          System.out.println("SQL " + statement.getKey() + ", " + form + ": " + String.valueOf(statement.getValue().get(form))
              .replaceAll("\\s+", " "));
          plans.get(form).forEach(line -> System.out.println("  " + line));
        }
      }
      System.out.println("EXPLAIN done, load average " + BenchmarkReport.loadAverage());
    } finally {
      engine.close();
    }
  }

  private static List<String> explain(Connection connection, String sql) throws SQLException {
    List<String> plan = new ArrayList<>();
    if (sql == null) {
      return plan; // no statement captured
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      while (rows.next()) {
        plan.add(rows.getString(1));
      }
    }
    return plan;
  }

  /** Planning and execution time as the server measured them. */
  private static double serverTime(List<String> plan) {
    double total = 0;
    for (String line : plan) {
      Matcher time = TIME.matcher(line);
      if (time.find()) {
        total += Double.parseDouble(time.group(2));
      }
    }
    return total;
  }

  /** Keeps each task or variable statement as sent, with its bound values in the text (the driver's own rendering). */
  static final class Capture extends AbstractProcessEnginePlugin {

    final Map<String, String> sql = new LinkedHashMap<>();

    String last(String statementId) {
      return sql.entrySet().stream().filter(e -> e.getKey().endsWith("." + statementId)).map(Map.Entry::getValue)
          .reduce((a, b) -> b).orElse(null);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Parameterized());
    }

    @Intercepts(@Signature(type = StatementHandler.class, method = "parameterize", args = {Statement.class}))
    final class Parameterized implements Interceptor {
      @Override
      public Object intercept(Invocation invocation) throws Throwable {
        Object result = invocation.proceed();
        // the innermost interceptor: its target is the engine's own handler, no other interceptor's proxy
        MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
        MappedStatement statement = handler.hasGetter("delegate") ? (MappedStatement) handler.getValue("delegate.mappedStatement")
            : null;
        Statement jdbc = (Statement) invocation.getArgs()[0];
        if (statement != null && jdbc.isWrapperFor(PreparedStatement.class)) {
          sql.put(statement.getId(), jdbc.unwrap(PreparedStatement.class).toString());
        }
        return result;
      }
    }
  }
}
