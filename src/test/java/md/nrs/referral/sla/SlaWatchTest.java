package md.nrs.referral.sla;

import static md.nrs.referral.sla.SlaEscalationProcess.OVERDUE_STEP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Date;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Moving the engine's clock past a task's due date and letting the sla-watch process sweep: a reminder
 * before, then a breach record, its metric, a notice to the agency and an escalation to the NRS
 * coordinators, each once. The clock is moved, never slept on; the sweep's own timer job is fired by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-sla-watch;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class SlaWatchTest {

  @Autowired ProcessEngine engine;
  @Autowired SlaEventRepository events;
  @Autowired OutboxRepository outbox;
  @Autowired MeterRegistry meters;

  private String caseCode;
  private Task interview;

  @BeforeEach
  void anAdultsReferralWaitingForItsInterview() {
    var instance = AdultReferrals.refer(engine);
    caseCode = instance.getBusinessKey();
    interview = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.IDENTIFICATION).singleResult();
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void aStepFallingDueWithinADayIsRemindedOnce() {
    clockAt(interview.getDueDate().toInstant().minus(Duration.ofHours(12)));

    sweep();
    sweep();

    assertThat(eventsOfTheInterview()).extracting(SlaEvent::getKind).containsExactly(SlaEvent.Kind.REMINDER);
    assertThat(noticesTo("mdt-chisinau")).singleElement().satisfies(n -> assertThat(n.getRequest()).startsWith("Reminder"));
    assertThat(escalations()).isZero();
  }

  @Test
  void anOverdueStepIsRecordedCountedAndEscalatedToTheCoordinatorsOnce() {
    double before = breachCount();
    clockAt(interview.getDueDate().toInstant().plus(Duration.ofHours(2)));

    sweep();
    sweep();

    assertThat(eventsOfTheInterview()).filteredOn(e -> e.getKind() == SlaEvent.Kind.BREACH)
        .singleElement().satisfies(breach -> {
          assertThat(breach.getStep()).isEqualTo(Elements.IDENTIFICATION);
          assertThat(breach.getAgencyId()).isEqualTo("mdt-chisinau");
          assertThat(breach.getOverdueMinutes()).isEqualTo(120);
        });
    // the metric counts every case's breaches of this step and agency (other tests' cases share the database)
    long recordedNow = events.findAll().stream().filter(e -> e.getKind() == SlaEvent.Kind.BREACH
        && e.getStep().equals(Elements.IDENTIFICATION) && "mdt-chisinau".equals(e.getAgencyId())
        && e.getRecordedAt().equals(ClockUtil.getCurrentTime().toInstant())).count();
    assertThat(recordedNow).isPositive();
    assertThat(breachCount() - before).isEqualTo((double) recordedNow);
    assertThat(noticesTo("mdt-chisinau")).anySatisfy(n -> assertThat(n.getRequest()).startsWith("Overdue"));
    Task escalation = engine.getTaskService().createTaskQuery().processDefinitionKey(SlaEscalationProcess.KEY)
        .processInstanceBusinessKey(caseCode).processVariableValueEquals(OVERDUE_STEP_ID.name(), Elements.IDENTIFICATION)
        .singleResult();
    assertThat(escalation.getName()).isEqualTo("Act on an overdue step");
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalation.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("nrs-coordinators"));
    assertThat(engine.getTaskService().getVariable(escalation.getId(), OVERDUE_STEP_ID.name())).isEqualTo(Elements.IDENTIFICATION);
    assertThat(escalation.getDueDate()).as("the escalation has its own due date").isNotNull();
  }

  @Test
  void aStepStillInTimeIsLeftAlone() {
    clockAt(interview.getCreateTime().toInstant().plus(Duration.ofMinutes(5)));

    sweep();

    assertThat(eventsOfTheInterview()).isEmpty();
  }

  // ---

  private void clockAt(java.time.Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Fires the sla-watch process's timer, as the job executor would every 15 minutes. */
  private void sweep() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(SlaWatchProcess.KEY)
        .timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
  }

  // Every case also has its safety plan's risk assessment, due within 24 hours around the clock, which the sweep
  // watches too: these tests watch the identification interview.

  private java.util.List<SlaEvent> eventsOfTheInterview() {
    return events.findByCaseCodeOrderByIdAsc(caseCode).stream().filter(e -> Elements.IDENTIFICATION.equals(e.getStep()))
        .toList();
  }

  private long escalations() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SlaEscalationProcess.KEY)
        .processInstanceBusinessKey(caseCode).variableValueEquals(OVERDUE_STEP_ID.name(), Elements.IDENTIFICATION).count();
  }

  private java.util.List<OutboxEntry> noticesTo(String agency) {
    return outbox.findByCaseCodeOrderByIdAsc(caseCode).stream().filter(e -> agency.equals(e.getAgencyId()))
        .filter(e -> Elements.IDENTIFICATION.equals(e.getStep())).toList();
  }

  private double breachCount() {
    var counter = meters.find("nrs.sla.breaches").tags("step", Elements.IDENTIFICATION, "agency", "mdt-chisinau").counter();
    return counter == null ? 0 : counter.count();
  }
}
