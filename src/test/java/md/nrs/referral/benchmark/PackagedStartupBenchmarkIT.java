package md.nrs.referral.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.testing.DeploymentEnvironment;
import md.nrs.referral.testing.JarProcess;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Item 7's start-up as a deployment starts the platform: the packaged jar in a JVM of its own, configured by
 * environment variables, on a fresh PostgreSQL database. Three ways to start it, in turn in each round so they see
 * the same machine: the jar as built ({@code java -jar}), the jar extracted by Spring Boot's tools (app.jar + lib/),
 * and the extracted jar with the class-data sharing archive that docker/cds-training.sh trains — what
 * docker/Dockerfile runs. Each is started on an empty database (the first start: schema, models, directory) and
 * again on the same database (a later start). The figure is the JVM's own time to ready ("process running for" in
 * Spring Boot's start line). Writes docs/benchmarks-startup.md (fast mode: target/benchmarks/); fails on a start
 * that does not come up or an archive the JVM cannot map, never on time.
 */
@Tag("benchmark")
@RequiresPostgres
class PackagedStartupBenchmarkIT {

  private static final String SECTION = "Start-up of the packaged platform (item 7)";
  private static final Pattern STARTED = Pattern.compile("Started NrsReferralPlatformApplication in ([0-9.]+) seconds "
      + "\\(process running for ([0-9.]+)\\)");
  private static final String PLAIN = "java -jar";
  private static final String EXTRACTED = "extracted";
  private static final String SHARED = "extracted + CDS";
  private static final String FIGURE = "packaged-start";
  /** The figure's sizes: the first start on the database (empty) and the next. */
  private static final long FIRST = 1;
  private static final long LATER = 2;

  private final BenchmarkMode mode = BenchmarkMode.current();
  private final BenchmarkReport report = new BenchmarkReport(mode.name, "Benchmarks: start-up of the packaged platform",
      "started as");
  private final String commit = BenchmarkReport.commit();

  @Test
  void theContainersStartIsMeasuredWithAndWithoutTheClassDataSharingArchive() throws Exception {
    define();
    Path jar = JarProcess.jar().toAbsolutePath();
    Path application = Path.of("target", "startup", "application").toAbsolutePath();
    long extractStarted = System.nanoTime();
    extract(jar, application);
    double extractSeconds = (System.nanoTime() - extractStarted) / 1e9;
    long trainingStarted = System.nanoTime();
    train(application);
    double trainingSeconds = (System.nanoTime() - trainingStarted) / 1e9;
    Path archive = application.resolve("app.jsa");
    report.note(SECTION, String.format(Locale.ROOT, "Extracting the jar took %.1f s; the training start that writes the "
        + "class-data sharing archive (docker/cds-training.sh: demo profile, throw-away H2 database, stops once the "
        + "context is refreshed) %.1f s; the archive is %,d KiB. Both run once, when the image is built.", extractSeconds,
        trainingSeconds, Files.size(archive) / 1024));

    Map<String, JavaCommand> ways = new LinkedHashMap<>();
    ways.put(PLAIN, new JavaCommand(List.of("-jar", jar.toString()), jar.getParent()));
    ways.put(EXTRACTED, new JavaCommand(List.of("-jar", "app.jar"), application));
    // -Xshare:on, unlike the image's default (auto), refuses to start without the archive: a benchmark of an archive
    // the JVM silently ignored would measure nothing.
    ways.put(SHARED, new JavaCommand(List.of("-XX:SharedArchiveFile=app.jsa", "-Xshare:on", "-jar", "app.jar"),
        application));

    int rounds = mode.full ? mode.runs : 1;
    Map<String, List<Double>> first = new LinkedHashMap<>();
    Map<String, List<Double>> later = new LinkedHashMap<>();
    String version = null;
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, JavaCommand> way : ways.entrySet()) {
        try (PostgresDatabase database = PostgresDatabase.create("bench_startup_")) {
          version = version != null ? version
              : NationalScaleBenchmarkTest.databaseVersion(new DriverManagerDataSource(database.url(), database.user(),
                  database.password()));
          Map<String, String> environment = DeploymentEnvironment.postgres(database);
          String name = "startup-" + way.getKey().replaceAll("[^a-z]+", "-");
          try (JarProcess platform = JarProcess.launch(name, environment, way.getValue().arguments(),
              way.getValue().directory())) {
            first.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(secondsToReady(platform.awaitStarted()));
            assertThat(platform.stop()).as("a graceful stop of " + name).isIn(0, 143);
            try (JarProcess again = platform.relaunch()) {
              later.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(secondsToReady(again.awaitStarted()));
              again.stop();
            }
          }
        }
      }
    }
    report.database(version);
    ways.keySet().forEach(way -> {
      report.add(FIGURE, way, FIRST, first.get(way));
      report.add(FIGURE, way, LATER, later.get(way));
    });
    report.note(SECTION, String.format(Locale.ROOT, "Medians, the archive's start against the jar as built: first start "
        + "%.2f×, later start %.2f× the time (the extracted jar alone: %.2f× and %.2f×). Load average %s.",
        ratio(FIRST, SHARED), ratio(LATER, SHARED), ratio(FIRST, EXTRACTED), ratio(LATER, EXTRACTED),
        BenchmarkReport.loadAverage()));

    Path docs = mode.full ? Path.of("docs") : Path.of("target", "benchmarks");
    report.write(docs.resolve("benchmarks-startup.md"), docs.resolve("benchmarks-startup"), commit,
        BenchmarkReport.loadAverage());
    System.out.println("BENCHMARK report written to " + docs.resolve("benchmarks-startup.md").toAbsolutePath());
    assertThat(report.missing()).as("figures never measured").isEmpty();
  }

  private void define() {
    String explanation = "The first start creates the engine's and the platform's tables, deploys every model and seeds "
        + "the directory, users and Tasklist filters; a later start finds them and deploys nothing new (duplicate "
        + "filtering). Class-data sharing saves the loading, verifying and parsing of the classes the start needs "
        + "(Spring, Camunda, Hibernate, the webapps); the database's work it cannot save.";
    report.define(new BenchmarkReport.Figure(FIGURE, SECTION, "Time to ready, first and later start", "s",
        "start on the database (1: the first, on an empty database; 2: the next)", false, "≤ 20 s", explanation));
    report.target(new BenchmarkReport.Target(FIGURE, "7 start-up (the image's start)",
        "≤ 20 s to ready, as docker/Dockerfile starts it", 20, SHARED, false,
        "class loading and the engine's first deployment on 2 cores; see the slowest steps in docs/benchmarks.md"));
  }

  /** The JVM's own time from its start to the platform's ready line. */
  private static double secondsToReady(JarProcess platform) {
    Matcher started = STARTED.matcher(platform.log());
    assertThat(started.find()).as("the start line in " + platform.logFile()).isTrue();
    return Double.parseDouble(started.group(2));
  }

  /** The way's median start against the plain jar's, as the page's table shows them. */
  private double ratio(long start, String way) {
    return median(start, way) / median(start, PLAIN);
  }

  private double median(long start, String way) {
    return report.points(FIGURE).stream().filter(p -> p.size() == start && p.series().equals(way)).findFirst()
        .orElseThrow().median();
  }

  /** Spring Boot's tools jar mode, as the Dockerfile's build stage runs it: DIR/app.jar and DIR/lib/. */
  private static void extract(Path jar, Path application) throws IOException, InterruptedException {
    Path extracted = application.getParent().resolve("extracted");
    FileSystemUtils.deleteRecursively(extracted);
    FileSystemUtils.deleteRecursively(application);
    run(List.of(JarProcess.java().toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
        extracted.toString()), jar.getParent(), Map.of());
    Files.move(extracted.resolve(jar.getFileName()), extracted.resolve("app.jar"));
    Files.move(extracted, application);
    assertThat(application.resolve("lib")).isDirectory();
  }

  /** docker/cds-training.sh on this JDK: the archive the Dockerfile's image starts with. */
  private static void train(Path application) throws IOException, InterruptedException {
    run(List.of("sh", Path.of("docker", "cds-training.sh").toAbsolutePath().toString(), application.toString()),
        application, Map.of("JAVA", JarProcess.java().toString()));
    assertThat(application.resolve("app.jsa")).isNotEmptyFile();
  }

  /** Runs a step of the image's build; its output goes to a file, so a step that hangs is ended after ten minutes. */
  private static void run(List<String> command, Path directory, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("startup-step", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    System.out.print(printed);
    assertThat(ended).as(command + " ended within 10 minutes:\n" + printed).isTrue();
    assertThat(process.exitValue()).as(command + ":\n" + printed).isZero();
  }

  private record JavaCommand(List<String> arguments, Path directory) {
  }
}
