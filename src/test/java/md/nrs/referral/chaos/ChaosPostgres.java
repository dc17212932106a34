package md.nrs.referral.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the suite's own ("chaos", Debian's postgresql-common tools), so that an
 * immediate restart hurts nobody else's tests on the shared cluster. Created on first use with trust
 * authentication on 127.0.0.1 and a free port, reused afterwards; each run gets a database of its own.
 */
final class ChaosPostgres {

  static final String CLUSTER = "chaos";

  private final String version;
  private final int port;

  private ChaosPostgres(String version, int port) {
    this.version = version;
    this.port = port;
  }

  /** Why the suite cannot run here (no PostgreSQL tools, not allowed to run them), or null. */
  static String unavailableReason() {
    for (String tool : List.of("pg_lsclusters", "pg_createcluster", "pg_ctlcluster")) {
      if (!onPath(tool)) {
        return tool + " not found: the chaos suite needs PostgreSQL's cluster tools (Debian package postgresql-common)";
      }
    }
    if (!onPath("ss")) {
      return "ss not found: the chaos suite tells a node's delivery in flight by its sockets (Debian package iproute2)";
    }
    if (installedVersion().isEmpty()) {
      return "no PostgreSQL server installed under /usr/lib/postgresql";
    }
    return null;
  }

  /** The suite's cluster, created if missing and started if stopped. */
  static ChaosPostgres ensureRunning() {
    Optional<String[]> existing = cluster();
    String version;
    int port;
    if (existing.isEmpty()) {
      version = installedVersion().orElseThrow();
      port = freePort();
      run(Duration.ofMinutes(2), "pg_createcluster", version, CLUSTER, "-p", Integer.toString(port), "--",
          "--auth-local=trust", "--auth-host=trust", "--encoding=UTF8");
    } else {
      version = existing.get()[0];
      port = Integer.parseInt(existing.get()[2]);
    }
    ChaosPostgres postgres = new ChaosPostgres(version, port);
    if (!cluster().map(c -> c[3].startsWith("online")).orElse(false)) {
      run(Duration.ofMinutes(1), "pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "start");
    }
    postgres.awaitAccepting(Duration.ofSeconds(60));
    return postgres;
  }

  /** The fault: all server processes killed at once (no checkpoint), then crash recovery and start. */
  void restartImmediately() {
    run(Duration.ofMinutes(2), "pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "restart", "-m", "immediate");
  }

  /** The database away for a while: every server process killed at once, started again later by {@link #start()}. */
  void stopImmediately() {
    run(Duration.ofMinutes(2), "pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "stop", "-m", "immediate");
  }

  void start() {
    run(Duration.ofMinutes(2), "pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "start");
  }

  void awaitAccepting(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection ignored = connect("postgres")) {
        return;
      } catch (SQLException e) {
        last = e;
        sleep(250);
      }
    }
    throw new IllegalStateException("the chaos cluster does not accept connections on port " + port, last);
  }

  String createDatabase() {
    String name = "chaos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    return name;
  }

  void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Connection connect(String database) throws SQLException {
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection(url(database), "postgres", "");
  }

  int port() {
    return port;
  }

  String version() {
    return version;
  }

  private void execute(String sql) {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** version, name, port, status of the "chaos" cluster, from pg_lsclusters. */
  private static Optional<String[]> cluster() {
    for (String line : run(Duration.ofSeconds(30), "pg_lsclusters", "-h").split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4 && columns[1].equals(CLUSTER)) {
        return Optional.of(columns);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> installedVersion() {
    java.io.File[] versions = new java.io.File("/usr/lib/postgresql").listFiles(f -> new java.io.File(f, "bin/postgres").canExecute());
    if (versions == null || versions.length == 0) {
      return Optional.empty();
    }
    return java.util.Arrays.stream(versions).map(java.io.File::getName).max(java.util.Comparator.comparingInt(ChaosPostgres::major));
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
      if (new java.io.File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }

  static String run(Duration timeout, String... command) {
    List<String> line = new ArrayList<>(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", line) + " did not finish within " + timeout);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed (" + process.exitValue() + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + line, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A free port below Linux's ephemeral range, so no client socket takes it while the cluster is stopped. */
  private static int freePort() {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int candidate = 20000 + random.nextInt(10000);
      try (ServerSocket socket = new ServerSocket(candidate)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 30000");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
