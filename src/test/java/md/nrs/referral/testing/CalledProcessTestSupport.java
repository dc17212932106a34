package md.nrs.referral.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of the called processes (assistance service, repatriation, shelter placement, reintegration,
 * monitoring) share: the engine, a case code per test, and the look-ups of tasks, timers and outbox entries that
 * drive an instance from the outside. Not a test itself: each subclass is a {@link ProcessTest}, so that coverage
 * is counted per subclass; a helper that behaves differently in one class stays in that class.
 */
public abstract class CalledProcessTestSupport {

  /**
   * Coverage (at least 90%) of one process alone, for a test that drives it through real cases: nrs-case, the
   * processes it calls and the platform's own processes have their own test classes.
   */
  protected static ProcessEngineCoverageProperties coverageOf(String processKey) {
    return coverageOf(processKey, new String[0]);
  }

  /** The same, with more processes the test only passes through left out of the count (e.g. those a consent starts). */
  protected static ProcessEngineCoverageProperties coverageOf(String processKey, String... alsoNotCounted) {
    List<String> notCounted = new ArrayList<>(List.of(ProcessTest.PLATFORM_PROCESSES));
    notCounted.addAll(List.of(ProcessTest.CALLED_PROCESSES));
    notCounted.addAll(List.of(alsoNotCounted));
    notCounted.remove(processKey);
    notCounted.add(NrsCaseProcess.KEY);
    return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(0.9)
        .excludeProcessDefinitionKeys(notCounted.toArray(String[]::new)).reportDirectory("target/process-test-coverage")
        .build();
  }

  /** The engine of the test context: the processes, their forms and delegates run for real on it. */
  @Autowired protected ProcessEngine engine;

  /** Issues case codes as the application does, so business keys have the real format. */
  @Autowired protected CaseCodes caseCodes;

  /** What the processes asked of the agencies; read back with {@link #outboxOf(ProcessInstance)}. */
  @Autowired protected OutboxRepository outbox;

  /**
   * A fresh case code for each test: the database lives as long as the context, so instances and outbox entries
   * of earlier tests must not be mistaken for this test's.
   */
  protected String caseCode;

  /** The BPMN assertions must be bound to this engine before each test; then the test gets its case code. */
  @BeforeEach
  protected void bindAssertionsAndDrawACaseCode() {
    BpmnAwareTests.init(engine);
    caseCode = caseCodes.next();
  }

  /** The one task open in the instance: for processes that never have two open at once. */
  protected Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Submits the form of the one task open in the instance, as its assignee would (form validation runs). */
  protected void complete(ProcessInstance instance, Map<String, Object> form) {
    engine.getTaskService().complete(task(instance).getId(), form);
  }

  /** The open task of the given key: for processes where tasks run side by side. */
  protected Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Submits the form of the open task of the given key, as its assignee would (form validation runs). */
  protected void complete(ProcessInstance instance, String taskKey, Map<String, Object> form) {
    engine.getTaskService().complete(task(instance, taskKey).getId(), form);
  }

  /** The timer job of the given timer event: tests run it by hand instead of waiting for its due date. */
  protected Job timer(ProcessInstance instance, String timerEventId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timerEventId).singleResult();
  }

  /** The outbox entries this instance wrote, oldest first (the case code alone would include other instances). */
  protected List<OutboxEntry> outboxOf(ProcessInstance instance) {
    return outbox.findByCaseCodeOrderByIdAsc(caseCode).stream()
        .filter(e -> instance.getId().equals(e.getProcessInstanceId())).toList();
  }
}
