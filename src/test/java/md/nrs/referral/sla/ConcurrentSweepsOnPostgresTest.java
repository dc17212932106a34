package md.nrs.referral.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes sweeping the same page at once, on PostgreSQL: the second reads the same overdue steps while the
 * first has recorded them but not yet committed, waits on the unique key for the first, and records, notifies
 * and escalates none of them; each breach is recorded, notified and escalated once.
 */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the database must exist before Spring starts
class ConcurrentSweepsOnPostgresTest {

  @Autowired ProcessEngine engine;
  @Autowired SlaWatch watch;
  @Autowired SlaEventRepository events;
  @Autowired OutboxRepository outbox;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSecondSweepOverTheSamePageWhileTheFirstCommitsRecordsAndEscalatesNothingTwice() throws Exception {
    for (int i = 0; i < 3; i++) {
      AdultReferrals.refer(engine); // two overdue steps each
    }
    Instant muchLater = Instant.now().plus(Duration.ofDays(365));
    long overdue = engine.getTaskService().createTaskQuery().dueBefore(java.util.Date.from(muchLater)).list().stream()
        .filter(t -> !t.getTaskDefinitionKey().equals(SlaEscalationProcess.Elements.ACT_ON_OVERDUE_STEP)).count();
    CountDownLatch firstSwept = new CountDownLatch(1);
    CountDownLatch mayCommit = new CountDownLatch(1);

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(s -> {
      int breaches = watch.sweep(muchLater).get(SlaEvent.Kind.BREACH);
      firstSwept.countDown();
      await(mayCommit); // its rows are inserted, not yet committed
      return breaches;
    }));
    assertThat(firstSwept.await(120, TimeUnit.SECONDS)).as("the first sweep ran").isTrue();
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
        () -> new TransactionTemplate(transactions).execute(s -> watch.sweep(muchLater).get(SlaEvent.Kind.BREACH)));
    waitUntilASessionWaitsForALock();
    mayCommit.countDown();

    assertThat(first.get(120, TimeUnit.SECONDS)).isEqualTo(overdue);
    assertThat(second.get(120, TimeUnit.SECONDS)).as("the second sweep found every step recorded").isZero();
    List<String> recorded = events.findAll().stream().filter(e -> e.getKind() == SlaEvent.Kind.BREACH)
        .map(SlaEvent::getTaskId).toList();
    assertThat(recorded).hasSize((int) overdue).doesNotHaveDuplicates();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SlaEscalationProcess.KEY)
        .count()).as("escalations").isEqualTo(overdue);
    Map<String, Long> overdueNotices = outbox.findAll().stream().filter(e -> e.getRequest().startsWith("Overdue:"))
        .collect(java.util.stream.Collectors.groupingBy(e -> e.getProcessInstanceId() + " " + e.getStep(),
            java.util.stream.Collectors.counting()));
    assertThat(overdueNotices).hasSize((int) overdue).allSatisfy((step, notices) -> assertThat(notices).isEqualTo(1));
    assertThat(outbox.findAll()).extracting(OutboxEntry::getStatus).doesNotContainNull();
  }

  /** The second sweep's insert waits on the first one's uncommitted rows of the same tasks. */
  private void waitUntilASessionWaitsForALock() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      Integer waiting = jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND wait_event_type = 'Lock'", Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the second sweep never waited for the first");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
