package md.nrs.referral.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import md.nrs.referral.agencies.AgencyNotificationProcess;
import md.nrs.referral.justice.CriminalJusticeProcess;
import md.nrs.referral.sla.SlaEscalationProcess;
import md.nrs.referral.sla.SlaWatchProcess;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: the real application context (delegates, DMN, outbox, form contracts) on an
 * in-memory H2, with a mock servlet environment instead of a server, with process test coverage. Each test class must cover at
 * least 90% of the flow nodes and sequence flows of the models it runs; the HTML report goes to
 * target/process-test-coverage/.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-process-tests;DB_CLOSE_DELAY=-1",
        // timers are fired by the tests, never by the job executor behind their backs
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, ProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {

  /** The platform's own processes that every case touches in passing; each has its own test. */
  String[] PLATFORM_PROCESSES = {AgencyNotificationProcess.KEY, SlaWatchProcess.KEY, SlaEscalationProcess.KEY};

  /**
   * Processes a consent starts beside the case (the justice path, with consent to inform law enforcement): a case test
   * only passes their first steps; each has its own test.
   */
  String[] STARTED_BY_CONSENT = {CriminalJusticeProcess.KEY};

  /** The processes the case process calls: a test of the case counts coverage of nrs-case alone. */
  String[] CALLED_PROCESSES = {"repatriation", "shelter-placement", "assistance-service", "reintegration", "monitoring",
      "dv-pathway", "child-protection", "best-interests-determination", "safety-plan"};

  @TestConfiguration
  class Coverage {
    /** Primary: the library also defines one (without a threshold) and silently falls back to defaults on two. */
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(Stream.concat(Stream.of(PLATFORM_PROCESSES), Stream.of(STARTED_BY_CONSENT))
              .toArray(String[]::new))
          .reportDirectory("target/process-test-coverage")
          .build();
    }
  }
}
