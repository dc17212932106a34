package md.nrs.referral.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the engine of the test's own application context the one registered as "default" in Camunda's
 * static {@link ProcessEngines} map, before each test class and method. The webapps (and the engine API's
 * checks) look the engine up there; with many cached contexts in one test JVM, starting or closing another
 * context (Spring evicts the least recently used past 32) replaces or removes that entry, and a test's
 * webapp session would then reach another context's engine or none (401s and 500s depending on order).
 */
public class CurrentEngineRegistration implements TestExecutionListener {

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
    if (engine != null && ProcessEngines.getProcessEngine(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
