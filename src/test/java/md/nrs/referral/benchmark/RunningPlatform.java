package md.nrs.referral.benchmark;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.NrsReferralPlatformApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform started in the benchmark's JVM, as {@code java -jar} would start it (demo profile,
 * so the demo users exist), on a free port, against the given database. The engine's own job executor
 * runs, as in production.
 */
final class RunningPlatform implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final int port;
  final long startMillis;

  private RunningPlatform(ConfigurableApplicationContext context, long startMillis) {
    this.context = context;
    this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    this.startMillis = startMillis;
  }

  static RunningPlatform start(BenchmarkDatabase database, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(database.springProperties());
    properties.put("server.port", "0");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.md.nrs", "WARN");
    properties.putAll(extra);
    long started = System.nanoTime();
    // as command-line arguments: they win over application*.yml, as the environment does for java -jar
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(NrsReferralPlatformApplication.class).run(arguments);
    return new RunningPlatform(context, (System.nanoTime() - started) / 1_000_000);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  DataSource dataSource() {
    return context.getBean(DataSource.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
