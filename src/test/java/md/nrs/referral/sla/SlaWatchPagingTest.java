package md.nrs.referral.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * More overdue steps than one sweep's page: successive sweeps work them off page by page, each step
 * recorded and escalated once. (Before, every sweep took the same earliest-due page again, so steps
 * beyond the first page were never recorded while those stayed open.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-sla-paging;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false", "nrs.sla.sweep-page=2"})
class SlaWatchPagingTest {

  @Autowired ProcessEngine engine;
  @Autowired SlaWatch watch;
  @Autowired SlaEventRepository events;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void sixOverdueStepsWithAPageOfTwoAreAllRecordedOnceOverThreeSweeps() {
    long before = breaches();
    for (int i = 0; i < 3; i++) {
      refer(); // two overdue steps each: the identification interview and the safety plan's risk assessment
    }
    Instant muchLater = Instant.now().plus(Duration.ofDays(365));

    List<Integer> breachesPerSweep = new java.util.ArrayList<>();
    for (int sweep = 0; sweep < 4; sweep++) {
      breachesPerSweep.add(new TransactionTemplate(transactions).execute(s -> watch.sweep(muchLater)).get(SlaEvent.Kind.BREACH));
    }

    assertThat(breachesPerSweep).containsExactly(2, 2, 2, 0);
    assertThat(breaches() - before).isEqualTo(6);
    assertThat(events.findAll().stream().filter(e -> e.getKind() == SlaEvent.Kind.BREACH).map(SlaEvent::getTaskId))
        .doesNotHaveDuplicates();
  }

  @Test
  void theWatchGoesOnToTheNextPageAtOnceUntilEveryOverdueStepIsRecordedOnce() {
    for (int i = 0; i < 5; i++) {
      refer();
    }
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(365))));
    try {
      var management = engine.getManagementService();
      management.executeJob(management.createJobQuery().processDefinitionKey(SlaWatchProcess.KEY).timers()
          .singleResult().getId());
      int passes = 1;
      for (var next = nextPage(); next != null && passes < 20; next = nextPage()) {
        management.executeJob(next.getId()); // the job executor would run it at once
        passes++;
      }

      assertThat(nextPage()).as("the watch ends once a page is not full").isNull();
      List<String> overdue = engine.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).list().stream()
          .filter(t -> !t.getTaskDefinitionKey().equals(SlaEscalationProcess.Elements.ACT_ON_OVERDUE_STEP))
          .map(org.camunda.bpm.engine.task.Task::getId).toList();
      assertThat(overdue).hasSizeGreaterThanOrEqualTo(5);
      List<String> recorded = events.findAll().stream().filter(e -> e.getKind() == SlaEvent.Kind.BREACH)
          .map(SlaEvent::getTaskId).toList();
      assertThat(recorded).doesNotHaveDuplicates().containsAll(overdue);
      assertThat(passes).as("pages of two").isGreaterThanOrEqualTo(3);
    } finally {
      ClockUtil.reset();
    }
  }

  private long breaches() {
    return events.findAll().stream().filter(e -> e.getKind() == SlaEvent.Kind.BREACH).count();
  }

  private org.camunda.bpm.engine.runtime.Job nextPage() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(SlaWatchProcess.KEY).messages()
        .singleResult();
  }

  private void refer() {
    AdultReferrals.refer(engine);
  }
}
