package md.nrs.referral.benchmark;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;

/**
 * Counts the SQL statements an engine sends through MyBatis, by statement (mapper id), while counting is on: the
 * machine-independent half of the whole-case comparison. A rate moves with the machine's load; how many statements a
 * case needs does not, and it says where a platform case's time goes next to the raw engine's.
 */
final class EngineStatements {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile boolean counting;

  /** Installs the counter on the engine's MyBatis configuration (counting off until {@link #count} runs). */
  static EngineStatements on(ProcessEngine engine) {
    EngineStatements statements = new EngineStatements();
    ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getSqlSessionFactory().getConfiguration()
        .addInterceptor(statements.new Counter());
    return statements;
  }

  /** Runs the work with counting on, from zero; returns the statements it sent, by mapper id. */
  synchronized Map<String, Long> count(Runnable work) {
    counts.clear();
    counting = true;
    try {
      work.run();
    } finally {
      counting = false;
    }
    return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  static long total(Map<String, Long> byStatement) {
    return byStatement.values().stream().mapToLong(Long::longValue).sum();
  }

  /** "n × statement" for the most frequent, per case (the counts divided by the cases run). */
  static String top(Map<String, Long> byStatement, int cases, int limit) {
    List<Map.Entry<String, Long>> sorted = byStatement.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit).toList();
    return sorted.stream().map(e -> String.format(Locale.ROOT, "%.0f × `%s`", (double) e.getValue() / cases,
        e.getKey().substring(e.getKey().lastIndexOf('.', e.getKey().lastIndexOf('.') - 1) + 1)))
        .collect(Collectors.joining(", "));
  }

  /** Every statement the engine's MyBatis executor runs, reads and writes (batched writes count one each). */
  @Intercepts({
      @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
  final class Counter implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (counting) {
        counts.computeIfAbsent(((MappedStatement) invocation.getArgs()[0]).getId(), k -> new LongAdder()).increment();
      }
      return invocation.proceed();
    }
  }
}
