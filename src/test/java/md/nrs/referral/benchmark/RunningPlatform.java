package md.nrs.referral.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.NrsReferralPlatformApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * The whole platform started in the benchmark's JVM, as {@code java -jar} would start it (demo profile,
 * so the demo users exist), on a free port, against the given database. The engine's own job executor
 * runs, as in production.
 */
final class RunningPlatform implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final int port;
  final long startMillis;
  /** The start-up steps that took longest (Spring's application start-up recording), slowest first. */
  final List<String> slowestSteps;

  private RunningPlatform(ConfigurableApplicationContext context, long startMillis, List<String> slowestSteps) {
    this.context = context;
    this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    this.startMillis = startMillis;
    this.slowestSteps = slowestSteps;
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
    BufferingApplicationStartup steps = new BufferingApplicationStartup(20_000);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(NrsReferralPlatformApplication.class)
        .applicationStartup(steps).run(arguments);
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new RunningPlatform(context, millis, slowest(steps, 12));
  }

  /**
   * Bean creations and other start-up steps by their own time (a step's duration less its children's),
   * so the bean that does the work is named rather than every bean that depends on it.
   */
  private static List<String> slowest(BufferingApplicationStartup steps, int count) {
    List<StartupTimeline.TimelineEvent> events = steps.getBufferedTimeline().getEvents();
    Map<Long, Duration> childTime = new HashMap<>();
    for (StartupTimeline.TimelineEvent e : events) {
      Long parent = e.getStartupStep().getParentId();
      if (parent != null) {
        childTime.merge(parent, e.getDuration(), Duration::plus);
      }
    }
    return events.stream()
        .map(e -> Map.entry(e, e.getDuration().minus(childTime.getOrDefault(e.getStartupStep().getId(), Duration.ZERO))))
        .sorted(Map.Entry.<StartupTimeline.TimelineEvent, Duration>comparingByValue().reversed()).limit(count)
        .map(e -> String.format(Locale.ROOT, "%s %s %.1f s", e.getKey().getStartupStep().getName(), tags(e.getKey()),
            e.getValue().toMillis() / 1000.0))
        .toList();
  }

  private static String tags(StartupTimeline.TimelineEvent event) {
    StringBuilder tags = new StringBuilder();
    for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
      if (tag.getKey().equals("beanName")) {
        tags.append('`').append(tag.getValue()).append('`');
      }
    }
    return tags.toString();
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
