package md.nrs.referral.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The packaged platform as a deployment runs it: {@code java -jar target/nrs-referral-platform-*.jar} in a
 * child process, configured by environment variables only (as docker/compose.yml does), on a free port,
 * its stdout and stderr in a log file under target/it-logs/ for the test to read. Build the jar first
 * ({@code ./mvnw verify} runs the *IT classes after "package").
 */
public final class JarProcess implements AutoCloseable {

  /** Exit code of a JVM ended by SIGKILL (128 + 9): what {@link Process#destroyForcibly()} sends on Linux. */
  public static final int KILLED = 137;
  /** How long a start may take; -Dnrs.it.start-timeout=PT8M on a machine loaded far beyond its cores. */
  private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("nrs.it.start-timeout", "PT4M"));
  private static final AtomicInteger RUNS = new AtomicInteger();
  /** Inherited from the test's environment only so the JVM runs at all; every application setting is explicit. */
  private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "TMPDIR", "TZ");
  /** Children still running when the test JVM ends (a failed or interrupted run) are killed with it. */
  private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final Map<String, String> environment;
  private final int port;
  private final Path log;
  private final List<String> javaArguments;
  private final Path workingDirectory;
  private final Process process;

  private JarProcess(String name, Map<String, String> environment, int port, List<String> javaArguments,
      Path workingDirectory) {
    this.name = name;
    this.environment = Map.copyOf(environment);
    this.port = port;
    this.javaArguments = List.copyOf(javaArguments);
    this.workingDirectory = workingDirectory;
    this.log = logDirectory().resolve(name + "-" + RUNS.incrementAndGet() + ".log").toAbsolutePath();
    List<String> command = new java.util.ArrayList<>(List.of(java().toString()));
    command.addAll(this.javaArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    Map<String, String> env = builder.environment();
    env.keySet().retainAll(INHERITED);
    env.putAll(this.environment);
    env.put("PORT", Integer.toString(port));
    try {
      this.process = builder.start();
      RUNNING.add(process);
      process.onExit().thenRun(() -> RUNNING.remove(process));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Starts the jar with exactly these environment variables (plus PORT, a free port) and does not wait. */
  public static JarProcess launch(String name, Map<String, String> environment) {
    // JVM sizing only (not an application setting): keeps six helpers' JVMs within a shared machine.
    return new JarProcess(name, environment, freePort(), List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-jar", jar().toAbsolutePath().toString()), null);
  }

  /**
   * Starts {@code java} with exactly these arguments (JVM options, then {@code -jar} and a jar) in this directory,
   * and does not wait: for a run that must start the JVM as a deployment does (the benchmark of the container's start,
   * whose class-data sharing archive holds the jar paths as the Dockerfile's start names them).
   */
  public static JarProcess launch(String name, Map<String, String> environment, List<String> javaArguments,
      Path workingDirectory) {
    return new JarProcess(name, environment, freePort(), javaArguments, workingDirectory);
  }

  /** The java launcher of the JVM running the tests (the same JDK builds, trains and runs the jar). */
  public static Path java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java");
  }

  /** Starts the jar and waits until it has started and its liveness probe answers 200. */
  public static JarProcess start(String name, Map<String, String> environment) {
    JarProcess started = launch(name, environment);
    started.awaitStarted();
    return started;
  }

  /** A new process on the same environment, data and port (after {@link #kill()} or {@link #stop()}). */
  public JarProcess restart() {
    return relaunch().awaitStarted();
  }

  /** Like {@link #restart()} but does not wait: for a test that interrupts the start-up itself. */
  public JarProcess relaunch() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running; kill or stop it first");
    }
    return new JarProcess(name, environment, port, javaArguments, workingDirectory);
  }

  /** Waits for "Started …" in the log and 200 from /actuator/health/liveness; fails with the log's tail if it exits. */
  public JarProcess awaitStarted() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was up; log " + log
            + ":\n" + tail(60));
      }
      if (log().contains("Started NrsReferralPlatformApplication") && liveness(client) == 200) {
        return this;
      }
      sleep(500);
    }
    throw new IllegalStateException(name + " did not start within " + START_TIMEOUT + "; log " + log + ":\n" + tail(60));
  }

  /** Waits for the process to end by itself (a refused start) and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " still running after " + timeout + "; log:\n" + tail(40));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** kill -9: no shutdown hook, no graceful stop, nothing flushed by the application. Returns the exit code. */
  public int kill() {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: Spring's graceful shutdown. Returns the exit code. */
  public int stop() {
    process.destroy();
    return awaitExit(Duration.ofMinutes(1));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int port() {
    return port;
  }

  /** The operating system's process id (to tell which sockets are this node's). */
  public long pid() {
    return process.pid();
  }

  public PlatformHttp http() {
    return new PlatformHttp(port);
  }

  public Path logFile() {
    return log;
  }

  /** Everything the process wrote to stdout and stderr so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private int liveness(HttpClient client) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The jar failsafe names (nrs.it.jar), else the one in target/ that is not the plain ".original". */
  public static Path jar() {
    String configured = System.getProperty("nrs.it.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("nrs-referral-platform-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no target/nrs-referral-platform-*.jar: run ./mvnw package first"));
    } catch (IOException e) {
      throw new IllegalStateException("no target/ directory: run ./mvnw package first", e);
    }
  }

  private static Path logDirectory() {
    try {
      return Files.createDirectories(Path.of("target", "it-logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An environment under construction, in the order written (for readable tests). */
  public static Map<String, String> env(String... namesAndValues) {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env;
  }
}
