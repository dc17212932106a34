package md.nrs.referral.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import md.nrs.referral.agencies.delivery.DeliverNotification;
import md.nrs.referral.testing.JarProcess;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the production profile under load and faults, checked against the steady state
 * afterwards (Zeebe's chaos experiments, Temporal's persistence fault tests): two {@code java -jar}
 * processes on one PostgreSQL database of the suite's own cluster, a real HTTP server for the agencies'
 * webhooks, and {@link LoadDriver}'s simulated staff on both nodes. While they work: kill -9 of a node
 * during a job execution and again during its start-up lock, the agency slow beyond the timeout and then
 * down, PostgreSQL restarted immediately, kill -9 of the other node at a random moment. Then nothing may
 * be lost or doubled. {@code -Dnrs.chaos.mode=short} (CI) or {@code full}; a summary is printed and
 * written to target/chaos/.
 */
@RequiresChaosCluster
class TwoNodesUnderFaultsChaosIT {

  private static final String ADMIN_PASSWORD = "Chaos#Operator-2026x";
  private static final String PRIVACY_KEY = Base64.getEncoder().encodeToString(
      "chaos-suite-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
  private static final String WEBHOOK_SECRET = "chaos-agency-webhook-secret-2026";
  private static final String RETRY_SCHEDULE = "PT2S,PT4S,PT8S";

  /** The run's size and timing: "short" for CI (within 10 minutes), "full" for the record. */
  record Mode(String name, int caseworkers, Duration before, Duration faultPeriod, Duration after, long lockTimeMillis,
      int extraKills) {
    static Mode of(String name) {
      return switch (name) {
        case "full" -> new Mode("full", 8, Duration.ofSeconds(60), Duration.ofSeconds(45), Duration.ofSeconds(60), 300_000, 2);
        case "short" -> new Mode("short", 4, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20), 15_000, 0);
        default -> throw new IllegalArgumentException("nrs.chaos.mode must be short or full, not " + name);
      };
    }
  }

  /** A planned fault and whether it really happened (the run fails if one did not). */
  record Fault(String name, long atMillis, boolean injected, String detail) {
  }

  private final Mode mode = Mode.of(System.getProperty("nrs.chaos.mode", "full"));
  private final Random random = new Random();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<JarProcess> everyProcess = new CopyOnWriteArrayList<>();
  private final List<String> takeovers = new CopyOnWriteArrayList<>();
  private final List<String> probesFailed = new CopyOnWriteArrayList<>();
  private final AtomicLong longestTakeoverMillis = new AtomicLong(-1);
  private long runStarted;
  private boolean passed;

  @Test
  void twoNodesUnderLoadAndFaultsLoseNothingAndDoubleNothing() throws Exception {
    ChaosPostgres postgres = ChaosPostgres.ensureRunning();
    String database = postgres.createDatabase();
    String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    Map<String, String> environment = JarProcess.env(
        "SPRING_PROFILES_ACTIVE", "postgres",
        "NRS_DB_URL", postgres.url(database),
        "NRS_DB_USER", "postgres",
        "NRS_DB_PASSWORD", "",
        "NRS_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "NRS_PRIVACY_ACTIVE_KEY", "chaos",
        "NRS_PRIVACY_KEYS", "chaos:" + PRIVACY_KEY,
        "NRS_JOB_LOCK_TIME_MS", Long.toString(mode.lockTimeMillis()),
        "NRS_WEBHOOK_TIMEOUT", "PT3S",
        "NRS_WEBHOOK_CONNECT_TIMEOUT", "PT2S",
        // Seconds instead of the default 1, 5, 15 minutes, 1 and 4 hours: deliveries failing while the agency is
        // away become incidents within the run (about 25 s of failed attempts), for the operator to retry.
        "NRS_DELIVERY_RETRY_SCHEDULE", RETRY_SCHEDULE);
    Requests requests = new Requests(Duration.ofSeconds(20));
    try (AgencyStandIn agencies = new AgencyStandIn(WEBHOOK_SECRET, Duration.ofSeconds(6), LoadDriver.ANSWER_REFERRAL)) {
      JarProcess a = track(JarProcess.launch("chaos-a", environment));
      JarProcess b = track(JarProcess.launch("chaos-b", environment));
      a.awaitStarted();
      b.awaitStarted();
      runStarted = System.currentTimeMillis();
      LoadDriver driver = new LoadDriver(requests, a.port(), b.port(), ADMIN_PASSWORD, WEBHOOK_SECRET, agencies, run);
      driver.setUp(List.of("cap-chisinau", "la-strada", "womens-initiative", "community-social-workers"));
      try {
        driver.start(mode.caseworkers());
        sleep(mode.before());

        requests.phase(Requests.Phase.DURING);
        IncidentWatch incidentsWhileAway = IncidentWatch.start(postgres, database);
        agencies.slow();
        fault("agency slow (answers after the 3 s timeout)", true, "for " + mode.faultPeriod().plusSeconds(10));
        a = killDuringJobExecution(a, agencies, postgres, database);
        a = killDuringStartupLock(a);
        sleep(Duration.ofSeconds(5));
        agencies.down();
        fault("agency down (connection refused)", true, "for " + mode.faultPeriod());
        sleep(mode.faultPeriod().dividedBy(2));
        long restart = System.currentTimeMillis();
        postgres.restartImmediately();
        fault("PostgreSQL immediate restart", true, "back after " + (System.currentTimeMillis() - restart) + " ms");
        sleep(Duration.ofSeconds(5));
        databaseAway(postgres, a, b, Duration.ofSeconds(8));
        sleep(mode.faultPeriod().dividedBy(2));
        agencies.up();
        incidentsWhileAway.stop();
        fault("agency back", true, incidentsWhileAway.seen().size() + " delivery incidents were raised while it was away");
        b = killAtRandom(b, "node b");
        for (int i = 0; i < mode.extraKills(); i++) {
          if (i % 2 == 0) {
            a = killAtRandom(a, "node a");
          } else {
            b = killAtRandom(b, "node b");
          }
        }
        sleep(Duration.ofSeconds(15)); // the nodes settle: pools refilled, job executors running again

        requests.phase(Requests.Phase.AFTER);
        sleep(mode.after());
        driver.stopProducing();
        driver.finish(Duration.ofMinutes(6));

        Map<String, Object> incidents = retryIncidents(postgres, database, a.port(), incidentsWhileAway);
        awaitDelivered(postgres, database, Duration.ofMinutes(3) .plusMillis(mode.lockTimeMillis()));
        incidents.put("incidents open after the operator's retry", count(postgres, database, "SELECT count(*) FROM act_ru_incident"));
        driver.drainCallbacks(Duration.ofMinutes(2));
        awaitNoLockLeft(postgres, database, Duration.ofMillis(mode.lockTimeMillis()).plusMinutes(2));

        SteadyState state = check(postgres, database, driver, agencies, requests, a);
        String summary = summary(requests, driver, agencies, state, incidents);
        System.out.println(summary);
        Path out = Files.createDirectories(Path.of("target", "chaos")).resolve("summary-" + mode.name() + ".md");
        Files.writeString(out, summary);
        assertThat(probesFailed).as("health during the faults").isEmpty();
        state.assertHolds(faults);
        assertThat(incidentsWhileAway.seen()).as("deliveries still failing became incidents while the agency was away").isNotEmpty();
        assertThat(incidents.get("incidents open after the operator's retry")).as("incidents left after the retry").isEqualTo(0L);
        passed = true;
      } finally {
        a.close();
        b.close();
      }
    } finally {
      if (!passed) { // kept to look into: the outbox, the jobs, the audit trail of the failed run
        System.out.println("[chaos] run failed: database " + database + " kept on port " + postgres.port());
      } else {
        try {
          postgres.dropDatabase(database);
        } catch (RuntimeException e) {
          System.out.println("could not drop " + database + ": " + e.getMessage());
        }
      }
    }
  }

  // --- faults

  /** Waits until node a is executing a delivery job (its request is at the slow agency), then kills it; measures the takeover. */
  private JarProcess killDuringJobExecution(JarProcess node, AgencyStandIn agencies, ChaosPostgres postgres, String database) {
    long deadline = System.currentTimeMillis() + 120_000;
    boolean delivering = false;
    while (!delivering && System.currentTimeMillis() < deadline) {
      delivering = deliveringFrom(node, agencies);
      if (!delivering) {
        sleep(Duration.ofMillis(100));
      }
    }
    Map<String, String> locked = lockedJobs(postgres, database);
    long killedAt = System.currentTimeMillis();
    int exit = node.kill();
    Map<String, String> atKill = locked == null ? Map.of() : locked;
    fault("kill -9 node a during job execution", delivering && exit == JarProcess.KILLED,
        (delivering ? "its delivery job was waiting for the agency; " : "it executed no job; ") + atKill.size()
            + " jobs locked at the kill, exit " + exit);
    LoadDriver.started("takeover", () -> measureTakeover(postgres, database, atKill, killedAt));
    return track(node.relaunch());
  }

  /** True when one of this node's sockets is a delivery the agency stand-in is answering right now (ss -tnp). */
  private static boolean deliveringFrom(JarProcess node, AgencyStandIn agencies) {
    Set<Integer> inFlight = agencies.inFlightPorts();
    if (inFlight.isEmpty()) {
      return false;
    }
    for (String line : ChaosPostgres.run(Duration.ofSeconds(10), "ss", "-tnpH").split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 6 && line.contains("pid=" + node.pid() + ",")) {
        String local = columns[3];
        int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
        if (inFlight.contains(port)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Kills the restarting node while it holds the start-up lock (migrations, deployment, seeding), then starts it. */
  private JarProcess killDuringStartupLock(JarProcess starting) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline && !starting.log().contains("Start-up lock acquired")) {
      sleep(Duration.ofMillis(20));
    }
    boolean holding = starting.log().contains("Start-up lock acquired") && !starting.log().contains("Start-up lock released");
    int exit = starting.kill();
    boolean released = starting.log().contains("Start-up lock released");
    fault("kill -9 node a during its start-up lock", holding && !released && exit == JarProcess.KILLED,
        "exit " + exit + (released ? " (too late: lock already released)" : ""));
    long started = System.currentTimeMillis();
    JarProcess again = track(starting.relaunch());
    again.awaitStarted();
    fault("node a restarted", true, "up after " + (System.currentTimeMillis() - started) + " ms");
    return again;
  }

  /**
   * PostgreSQL stopped (immediate) for a while: both nodes must say they are not ready (a load balancer takes
   * them out) yet stay alive (nobody restarts them), and be ready again once it is back.
   */
  private void databaseAway(ChaosPostgres postgres, JarProcess a, JarProcess b, Duration outage) {
    long stopped = System.currentTimeMillis();
    postgres.stopImmediately();
    Requests probe = new Requests(Duration.ofSeconds(15));
    String admin = Requests.basic(LoadDriver.ADMIN, ADMIN_PASSWORD);
    List<String> seen = new ArrayList<>();
    boolean notReady = true;
    for (JarProcess node : List.of(a, b)) {
      Requests.Call readiness = probe.get("readiness", "node", node.port(), "/actuator/health/readiness", admin);
      Requests.Call liveness = probe.get("liveness", "node", node.port(), "/actuator/health/liveness", admin);
      seen.add("readiness " + readiness.status() + ", liveness " + liveness.status());
      notReady &= readiness.status() == 503 && liveness.status() == 200;
    }
    sleep(Duration.ofMillis(Math.max(0, outage.toMillis() - (System.currentTimeMillis() - stopped))));
    postgres.start();
    postgres.awaitAccepting(Duration.ofSeconds(60));
    fault("PostgreSQL away (immediate stop, start " + outage.toSeconds() + " s later)", true,
        "back after " + (System.currentTimeMillis() - stopped) + " ms; while away: " + String.join("; ", seen));
    probe("both nodes not ready, still live, while the database is away", notReady, String.join("; ", seen));
    long deadline = System.currentTimeMillis() + 60_000;
    boolean ready = false;
    while (!ready && System.currentTimeMillis() < deadline) {
      ready = probe.get("readiness", "a", a.port(), "/actuator/health/readiness", admin).status() == 200
          && probe.get("readiness", "b", b.port(), "/actuator/health/readiness", admin).status() == 200;
      sleep(Duration.ofMillis(500));
    }
    probe("both nodes ready again after the database came back", ready, "");
  }

  private JarProcess killAtRandom(JarProcess node, String name) {
    sleep(Duration.ofMillis(2000 + random.nextInt(10_000)));
    int exit = node.kill();
    fault("kill -9 " + name + " at a random moment", exit == JarProcess.KILLED, "exit " + exit);
    long started = System.currentTimeMillis();
    JarProcess again = track(node.restart());
    fault(name + " restarted", true, "up after " + (System.currentTimeMillis() - started) + " ms");
    return again;
  }

  /** A health check made during a fault; a failed one fails the run. */
  private void probe(String name, boolean held, String detail) {
    System.out.printf("[chaos] %s: %s (%s)%n", name, held ? "yes" : "NO", detail);
    if (!held) {
      probesFailed.add(name + " (" + detail + ")");
    }
  }

  private void fault(String name, boolean injected, String detail) {
    Fault fault = new Fault(name, System.currentTimeMillis() - runStarted, injected, detail);
    faults.add(fault);
    System.out.printf("[chaos] +%6.1fs %s%s: %s%n", fault.atMillis() / 1000.0, name, injected ? "" : " NOT INJECTED", detail);
  }

  private JarProcess track(JarProcess process) {
    everyProcess.add(process);
    return process;
  }

  // --- the job locks a dead node left behind

  /** Job id → lock owner and expiry of every locked job; null when the database cannot be asked. */
  private static Map<String, String> lockedJobs(ChaosPostgres postgres, String database) {
    Map<String, String> locked = new HashMap<>();
    try (Connection c = postgres.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id_, lock_owner_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL")) {
      while (rs.next()) {
        locked.put(rs.getString(1), rs.getString(2) + "@" + rs.getTimestamp(3));
      }
    } catch (SQLException e) {
      return null;
    }
    return locked;
  }

  /** Until every job locked at the kill is done or locked afresh: the dead node's ones wait for their lock to expire. */
  private void measureTakeover(ChaosPostgres postgres, String database, Map<String, String> atKill, long killedAt) {
    Map<String, String> waiting = new HashMap<>(atKill);
    int heldByDeadNode = 0;
    long deadline = killedAt + 3 * mode.lockTimeMillis() + 180_000;
    while (!waiting.isEmpty() && System.currentTimeMillis() < deadline) {
      Map<String, String> now = lockedJobs(postgres, database);
      if (now == null) { // the database is away: look again
        sleep(Duration.ofMillis(250));
        continue;
      }
      waiting.entrySet().removeIf(job -> !job.getValue().equals(now.get(job.getKey())));
      if (System.currentTimeMillis() - killedAt > 5_000 && heldByDeadNode == 0) {
        heldByDeadNode = waiting.size(); // the live node's own jobs are long finished by now
      }
      sleep(Duration.ofMillis(250));
    }
    long took = System.currentTimeMillis() - killedAt;
    String line = heldByDeadNode + " jobs held by the killed node; " + (waiting.isEmpty()
        ? "all taken over after " + took + " ms (lock time " + mode.lockTimeMillis() + " ms)"
        : waiting.size() + " STILL LOCKED after " + took + " ms");
    takeovers.add(line);
    if (waiting.isEmpty() && heldByDeadNode > 0) {
      longestTakeoverMillis.accumulateAndGet(took, Math::max);
    }
    System.out.println("[chaos] takeover: " + line);
  }

  // --- recovery as an operator does it

  /**
   * After recovery, the operator retries every delivery incident as Cockpit's incident action does
   * ({@code PUT /engine-rest/job/{id}/retries}, one retry); deliveries still between two retries go on by themselves.
   */
  private Map<String, Object> retryIncidents(ChaosPostgres postgres, String database, int port, IncidentWatch whileAway)
      throws SQLException {
    Map<String, Object> found = new LinkedHashMap<>();
    List<String> jobs = new ArrayList<>();
    try (Connection c = postgres.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT i.configuration_ FROM act_ru_incident i JOIN act_ru_job j ON j.id_ = i.configuration_"
            + " WHERE i.incident_type_ = 'failedJob' AND j.process_def_key_ = 'agency-notification'")) {
      while (rs.next()) {
        jobs.add(rs.getString(1));
      }
    }
    Requests operator = new Requests(Duration.ofSeconds(30));
    String admin = Requests.basic(LoadDriver.ADMIN, ADMIN_PASSWORD);
    int retried = 0;
    for (String job : jobs) {
      if (operator.put("operator retry", "node-a", port, "/engine-rest/job/" + job + "/retries", admin, "{\"retries\": 1}")
          .status() == 204) {
        retried++;
      }
    }
    found.put("delivery incidents raised while the agency was away (retry schedule " + RETRY_SCHEDULE + ")",
        (long) whileAway.seen().size());
    found.put("delivery incidents open after recovery, retried by the operator", (long) jobs.size());
    found.put("retries accepted (204)", (long) retried);
    return found;
  }

  /** Watches the delivery incidents while the agency is away: which were raised (their ids), sampled every second. */
  private static final class IncidentWatch {
    private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean watching = true;
    private Thread thread;

    static IncidentWatch start(ChaosPostgres postgres, String database) {
      IncidentWatch watch = new IncidentWatch();
      watch.thread = LoadDriver.started("incident-watch", () -> {
        while (watch.watching) {
          try (Connection c = postgres.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
              "SELECT id_ FROM act_ru_incident WHERE incident_type_ = 'failedJob'")) {
            while (rs.next()) {
              watch.seen.add(rs.getString(1));
            }
          } catch (SQLException databaseAway) {
            // restarted or stopped on purpose: look again
          }
          sleep(Duration.ofSeconds(1));
        }
      });
      return watch;
    }

    void stop() throws InterruptedException {
      watching = false;
      thread.join(10_000);
    }

    Set<String> seen() {
      return seen;
    }
  }

  private static void awaitDelivered(ChaosPostgres postgres, String database, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (count(postgres, database, "SELECT count(*) FROM nrs_outbox WHERE status NOT IN ('DELIVERED', 'NOT_SENT')") == 0
          && count(postgres, database, "SELECT count(*) FROM act_ru_job WHERE process_def_key_ = 'agency-notification'") == 0) {
        return;
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  private static void awaitNoLockLeft(ChaosPostgres postgres, String database, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline
        && count(postgres, database, "SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ < now()") > 0) {
      sleep(Duration.ofSeconds(1));
    }
  }

  // --- the steady state

  /** What the checks found, and the assertions over it. */
  record SteadyState(Map<String, Long> numbers, List<String> lost, List<String> doubled, List<String> notAtStep,
      List<String> undelivered, List<String> unknownKeys, List<String> conflictsWrong, List<String> errorsDuring,
      List<String> errorsAfter, List<String> serverErrors, List<String> leaks, String audit, List<String> locksLeft,
      List<String> unexpected, List<String> callbacksMissing) {

    void assertHolds(List<Fault> faults) {
      assertThat(faults.stream().filter(f -> !f.injected()).map(Fault::name).toList()).as("planned faults not injected").isEmpty();
      assertThat(lost).as("referrals acknowledged but lost").isEmpty();
      assertThat(doubled).as("referrals doubled").isEmpty();
      assertThat(notAtStep).as("cases not at the step the driver expects").isEmpty();
      assertThat(undelivered).as("notifications not delivered").isEmpty();
      assertThat(unknownKeys).as("deliveries whose key is no notification").isEmpty();
      assertThat(callbacksMissing).as("provider referrals without their applied callback").isEmpty();
      assertThat(conflictsWrong).as("conflicting completions: one wins, the other a clear 4xx").isEmpty();
      assertThat(numbers.get("conflicts on identification")).as("conflicts on identification tried").isPositive();
      assertThat(numbers.get("conflicts on plan approval")).as("conflicts on plan approval tried").isPositive();
      assertThat(serverErrors).as("500s at any time").isEmpty();
      assertThat(errorsDuring).as("errors in the fault windows that are not retryable 503/409 with a message").isEmpty();
      assertThat(errorsAfter).as("errors after recovery").isEmpty();
      assertThat(unexpected).as("refusals the driver did not expect").isEmpty();
      assertThat(locksLeft).as("jobs still locked after the lock time").isEmpty();
      assertThat(audit).as("audit chain").contains("\"valid\":true");
      assertThat(leaks).as("personal data or secrets in the nodes' logs").isEmpty();
    }
  }

  private SteadyState check(ChaosPostgres postgres, String database, LoadDriver driver, AgencyStandIn agencies,
      Requests requests, JarProcess a) throws SQLException, IOException {
    Map<String, Long> numbers = new LinkedHashMap<>();
    List<String> lost = new ArrayList<>();
    List<String> doubled = new ArrayList<>(driver.doubledAcknowledgements.stream().map(r -> "acknowledged twice: " + r).toList());
    List<String> notAtStep = new ArrayList<>();
    List<String> undelivered = new ArrayList<>();
    List<String> unknownKeys = new ArrayList<>();
    List<String> callbacksMissing = new ArrayList<>();
    try (Connection c = postgres.connect(database)) {
      Map<String, String> intake = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT source_reference, case_code FROM nrs_referral_intake")) {
        while (rs.next()) {
          intake.put(rs.getString(1), rs.getString(2));
        }
      }
      Map<String, Integer> casesByCode = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT business_key_, count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'nrs-case' GROUP BY business_key_")) {
        while (rs.next()) {
          casesByCode.put(rs.getString(1), rs.getInt(2));
        }
      }
      driver.acknowledged.forEach((reference, code) -> {
        if (!code.equals(intake.get(reference)) || casesByCode.getOrDefault(code, 0) == 0) {
          lost.add(reference + " → " + code);
        }
      });
      casesByCode.forEach((code, n) -> {
        if (n > 1) {
          doubled.add(code + " has " + n + " case processes");
        }
      });
      if (casesByCode.size() != intake.size()) {
        doubled.add(casesByCode.size() + " case processes for " + intake.size() + " referrals received");
      }
      for (String reference : driver.unacknowledged) {
        if (intake.containsKey(reference)) {
          numbers.merge("unacknowledged referrals that still became one case", 1L, Long::sum);
        }
      }
      numbers.put("referrals acknowledged (2xx)", (long) driver.acknowledged.size());
      numbers.put("referrals never acknowledged", (long) driver.unacknowledged.size());
      numbers.put("cases found", (long) casesByCode.size());
      numbers.put("cases expected", (long) driver.acknowledged.size());
      numbers.put("lost", (long) lost.size());
      numbers.put("doubled", (long) doubled.size());

      for (String code : driver.drivenToApproval) {
        long approved = single(c, "SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_"
            + " WHERE p.business_key_ = ? AND p.proc_def_key_ = 'nrs-case' AND a.act_id_ = ? AND a.end_time_ IS NOT NULL", code,
            LoadDriver.APPROVE);
        long identified = single(c, "SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_"
            + " WHERE p.business_key_ = ? AND p.proc_def_key_ = 'nrs-case' AND a.act_id_ = ? AND a.end_time_ IS NOT NULL", code,
            LoadDriver.IDENTIFICATION);
        // the alert only: the authority's own tasks may also reach it as new-work notices through its channel
        long alerts = single(c, "SELECT count(*) FROM nrs_outbox WHERE case_code = ? AND agency_id = 'guardianship-chisinau'"
            + " AND step = ?", code, md.nrs.referral.casepath.NrsCaseProcess.Elements.ALERT_GUARDIANSHIP);
        long referrals = single(c, "SELECT count(*) FROM nrs_outbox WHERE case_code = ? AND step = ?", code, LoadDriver.ANSWER_REFERRAL);
        if (approved != 1 || identified != 1 || alerts != 1 || referrals != 2) {
          notAtStep.add(code + ": plan approved " + approved + "×, identified " + identified + "×, guardianship alerts " + alerts
              + ", provider referrals " + referrals + " (expected 1, 1, 1, 2)");
        }
      }
      driver.notDriven.forEach(code -> notAtStep.add(code + ": the driver could not work it up to the approved plan"));
      numbers.put("cases worked up to the approved plan", (long) driver.drivenToApproval.size());

      Map<String, String> outbox = new TreeMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT notification_key, status || ' (' || agency_id || ', ' || step || ', case ' || case_code || ')' FROM nrs_outbox")) {
        while (rs.next()) {
          outbox.put(rs.getString(1), rs.getString(2));
        }
      }
      // A notification refused at delivery by the consent check is consent working as designed, not a loss: it
      // says so (its last error) and the refusal is in the audit trail for its case, agency and step.
      Set<String> refusedAtDelivery = new java.util.HashSet<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT o.notification_key FROM nrs_outbox o"
          + " WHERE o.status = 'NOT_SENT' AND o.last_error = '" + DeliverNotification.REFUSED_AT_DELIVERY + "' AND EXISTS ("
          + "SELECT 1 FROM nrs_audit a WHERE a.action = 'NOTIFICATION_REFUSED' AND a.case_code = o.case_code"
          + " AND a.subject = o.agency_id || ' ' || o.step AND a.detail LIKE 'at delivery:%')")) {
        while (rs.next()) {
          refusedAtDelivery.add(rs.getString(1));
        }
      }
      Map<String, Long> receivedByKey = agencies.deliveries().stream()
          .collect(Collectors.groupingBy(AgencyStandIn.Delivery::key, Collectors.counting()));
      outbox.forEach((key, status) -> {
        if (refusedAtDelivery.contains(key)) {
          if (receivedByKey.containsKey(key)) {
            undelivered.add(key + " " + status + ": refused at delivery, yet received");
          }
        } else if (!status.startsWith("DELIVERED") || !receivedByKey.containsKey(key)) {
          undelivered.add(key + " " + status + (receivedByKey.containsKey(key) ? "" : ", never received")
              + (status.startsWith("NOT_SENT") ? " (no audited refusal at delivery)" : ""));
        }
      });
      numbers.put("notifications refused at delivery by consent (audited)", (long) refusedAtDelivery.size());
      numbers.put("notifications other than guardianship alerts and provider referrals (SLA reminders to the team)",
          single(c, "SELECT count(*) FROM nrs_outbox WHERE agency_id <> 'guardianship-chisinau' AND step <> ?", LoadDriver.ANSWER_REFERRAL));
      receivedByKey.keySet().stream().filter(key -> !outbox.containsKey(key)).forEach(unknownKeys::add);
      numbers.put("notifications", (long) outbox.size());
      numbers.put("deliveries received", (long) agencies.deliveries().size());
      numbers.put("keys delivered more than once", receivedByKey.values().stream().filter(n -> n > 1).count());
      numbers.put("duplicate deliveries (same key)", receivedByKey.values().stream().mapToLong(n -> n - 1).sum());
      // A redelivery under a new key would be applied twice by the agency: every key received must be the outbox's
      // (unknownKeys), and the keys applied are exactly the notifications.
      numbers.put("notifications applied by the agency (once per key)", (long) agencies.applied().size());
      if (agencies.applied().size() != outbox.size() - refusedAtDelivery.size()) {
        undelivered.add(agencies.applied().size() + " notifications applied by the agency for " + outbox.size() + " in the outbox, "
            + refusedAtDelivery.size() + " of them refused at delivery");
      }
      numbers.put("deliveries badly signed", agencies.deliveries().stream().filter(d -> !d.signed()).count());

      Set<String> providerKeys = new java.util.HashSet<>();
      try (PreparedStatement s = c.prepareStatement("SELECT notification_key FROM nrs_outbox WHERE step = ?")) {
        s.setString(1, LoadDriver.ANSWER_REFERRAL);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            providerKeys.add(rs.getString(1));
          }
        }
      }
      Map<String, Integer> callbacks = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT notification_key, count(*) FROM nrs_callback GROUP BY notification_key")) {
        while (rs.next()) {
          callbacks.put(rs.getString(1), rs.getInt(2));
        }
      }
      for (String key : providerKeys) {
        if (callbacks.getOrDefault(key, 0) != 1) {
          callbacksMissing.add(key + ": " + callbacks.getOrDefault(key, 0) + " callbacks applied");
        }
      }
      long answered = single(c, "SELECT count(*) FROM act_hi_taskinst WHERE task_def_key_ = ? AND end_time_ IS NOT NULL",
          LoadDriver.ANSWER_REFERRAL);
      if (answered != providerKeys.size()) {
        callbacksMissing.add(answered + " provider answers completed for " + providerKeys.size() + " provider referrals");
      }
      numbers.put("provider referrals answered by callback", (long) callbacks.size());
      numbers.put("hotline calls acknowledged", (long) driver.hotlineCalls.size());
      numbers.put("hotline calls repeated under their Idempotency-Key until answered", (long) driver.hotlineRepeated.get());
      numbers.put("hotline calls never answered", (long) driver.hotlineUnanswered.size());
      Map<String, String> callByKey = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT idempotency_key, process_instance_id FROM nrs_hotline_call_request")) {
        while (rs.next()) {
          callByKey.put(rs.getString(1), rs.getString(2));
        }
      }
      driver.hotlineCalls.forEach((key, call) -> {
        if (!call.equals(callByKey.get(key))) {
          lost.add("hotline call " + key + " → " + call + " (recorded under the key: " + callByKey.get(key) + ")");
        }
      });
      for (String call : driver.hotlineCalls.values()) {
        if (single(c, "SELECT count(*) FROM act_hi_procinst WHERE id_ = ?", call) != 1) {
          lost.add("hotline call " + call);
        }
      }
      long hotlineProcesses = single(c, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'hotline-call'");
      numbers.put("hotline call processes found", hotlineProcesses);
      if (hotlineProcesses != callByKey.size()) {
        doubled.add(hotlineProcesses + " hotline call processes for " + callByKey.size() + " Idempotency-Keys");
      }
      driver.hotlineDoubled.forEach(d -> doubled.add("hotline call answered with two calls: " + d));
      numbers.put("incidents open at the end", single(c, "SELECT count(*) FROM act_ru_incident"));
      if (numbers.get("incidents open at the end") > 0) {
        undelivered.add(numbers.get("incidents open at the end") + " incidents still open");
      }
    }

    List<String> conflictsWrong = new ArrayList<>();
    for (LoadDriver.Conflict conflict : driver.conflicts) {
      numbers.merge(conflict.taskKey().equals(LoadDriver.APPROVE) ? "conflicts on plan approval" : "conflicts on identification",
          1L, Long::sum);
      if (!conflict.oneWonOneRefusedClearly()) {
        conflictsWrong.add(conflict.first() + " | " + conflict.second());
      } else {
        Requests.Call loser = conflict.first().ok() ? conflict.second() : conflict.first();
        numbers.merge("conflict losers answered " + loser.status(), 1L, Long::sum);
      }
    }
    numbers.putIfAbsent("conflicts on plan approval", 0L);
    numbers.putIfAbsent("conflicts on identification", 0L);

    Set<Requests.Call> excused = driver.resolvedByRecheck;
    List<Requests.Call> recorded = requests.calls().stream()
        .filter(call -> !call.operation().equals("set-up") && !call.operation().startsWith("conflicting")).toList();
    List<String> serverErrors = recorded.stream().filter(call -> call.status() >= 500 && call.status() != 503)
        .map(Requests.Call::toString).toList();
    List<String> errorsDuring = recorded.stream().filter(call -> call.phase() == Requests.Phase.DURING)
        .filter(call -> call.answered() && !call.ok() && !excused.contains(call))
        .filter(call -> !((call.status() == 503 || call.status() == 409) && call.body() != null && call.body().contains("\"message\"")))
        .map(Requests.Call::toString).toList();
    List<String> errorsAfter = recorded.stream().filter(call -> call.phase() == Requests.Phase.AFTER)
        .filter(call -> !call.ok() && !excused.contains(call)).map(Requests.Call::toString).toList();
    numbers.put("requests", (long) recorded.size());
    numbers.put("retries that found their first attempt applied", (long) driver.retriesResolvedByRecheck.get());
    for (Requests.Phase phase : Requests.Phase.values()) {
      List<Requests.Call> in = recorded.stream().filter(call -> call.phase() == phase).toList();
      numbers.put("requests " + phase.name().toLowerCase(), (long) in.size());
      numbers.put("p95 ms " + phase.name().toLowerCase(), Requests.p95(in));
      numbers.put("no answer (node away) " + phase.name().toLowerCase(), in.stream().filter(call -> !call.answered()).count());
      numbers.put("503 " + phase.name().toLowerCase(), in.stream().filter(call -> call.status() == 503).count());
    }

    Requests auditor = new Requests(Duration.ofSeconds(60));
    Requests.Call verified = auditor.post("audit verify", "node-a", a.port(), "/api/audit/verify",
        Requests.basic(LoadDriver.AUDITOR, LoadDriver.PASSWORD), "");
    String audit = verified.status() + " " + verified.body();

    List<String> leaks = new ArrayList<>();
    for (JarProcess process : everyProcess) {
      String log = process.log();
      for (String secret : List.of(LoadDriver.FAMILY_NAME, "Ilinca", "CHX0", ADMIN_PASSWORD, PRIVACY_KEY, LoadDriver.PASSWORD,
          WEBHOOK_SECRET)) {
        if (log.contains(secret)) {
          leaks.add(process.logFile() + " contains " + (secret.equals(LoadDriver.FAMILY_NAME) || secret.startsWith("Ilinca")
              || secret.startsWith("CHX") ? "personal data (" + secret + ")" : "a secret"));
        }
      }
    }
    List<String> locksLeft = new ArrayList<>();
    if (count(postgres, database, "SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ < now()") > 0) {
      locksLeft.add(count(postgres, database, "SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ < now()") + " jobs");
    }
    locksLeft.addAll(takeovers.stream().filter(line -> line.contains("STILL LOCKED")).toList());
    return new SteadyState(numbers, lost, doubled, notAtStep, undelivered, unknownKeys, conflictsWrong, errorsDuring, errorsAfter,
        serverErrors, leaks, audit, locksLeft, driver.unexpected.stream().map(Requests.Call::toString).toList(),
        callbacksMissing);
  }

  private String summary(Requests requests, LoadDriver driver, AgencyStandIn agencies, SteadyState state,
      Map<String, Object> incidents) {
    StringBuilder out = new StringBuilder();
    out.append("## Chaos run (").append(mode.name()).append("), ").append(Instant.now()).append("\n\n");
    out.append("Two nodes (java -jar, postgres profile), ").append(mode.caseworkers()).append(" caseworkers + hotline + provider callbacks; ")
        .append("job lock time ").append(mode.lockTimeMillis()).append(" ms.\n\n");
    out.append("Faults injected:\n\n");
    faults.forEach(f -> out.append(String.format("- +%.1fs %s%s — %s%n", f.atMillis() / 1000.0, f.name(),
        f.injected() ? "" : " (**NOT INJECTED**)", f.detail())));
    out.append("\nHealth probes during the faults: ").append(probesFailed.isEmpty() ? "as expected" : String.join("; ", probesFailed));
    out.append("\nLock takeover: ").append(takeovers.isEmpty() ? "not measured" : String.join("; ", takeovers))
        .append(longestTakeoverMillis.get() >= 0 ? " (longest " + longestTakeoverMillis.get() + " ms)" : "").append("\n\n");
    out.append("| figure | value |\n|---|---|\n");
    state.numbers().forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
    incidents.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
    out.append("| audit chain | ").append(state.audit().replace("|", "/")).append(" |\n");
    appendList(out, "Lost", state.lost());
    appendList(out, "Doubled", state.doubled());
    appendList(out, "Not at the expected step", state.notAtStep());
    appendList(out, "Undelivered", state.undelivered());
    appendList(out, "Callbacks missing", state.callbacksMissing());
    appendList(out, "Conflicts answered wrongly", state.conflictsWrong());
    appendList(out, "500s", state.serverErrors());
    appendList(out, "Errors in fault windows that are not a retryable 503/409", state.errorsDuring());
    appendList(out, "Errors after recovery", state.errorsAfter());
    appendList(out, "Unexpected refusals", state.unexpected());
    appendList(out, "Locks left", state.locksLeft());
    appendList(out, "Leaks in logs", state.leaks());
    return out.toString();
  }

  private static void appendList(StringBuilder out, String title, List<String> items) {
    out.append("\n").append(title).append(": ").append(items.isEmpty() ? "none" : items.size()).append("\n");
    items.stream().limit(15).forEach(item -> out.append("  - ").append(item).append("\n"));
  }

  private static long count(ChaosPostgres postgres, String database, String sql) throws SQLException {
    try (Connection c = postgres.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long single(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
