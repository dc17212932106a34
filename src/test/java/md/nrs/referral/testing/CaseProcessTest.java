package md.nrs.referral.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
 * Like {@link ProcessTest}, for the case process: the called processes run for real, but coverage
 * (at least 90%) is counted for nrs-case only — each called process has its own test class for that.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:nrs-case-process-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, CaseProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CaseProcessTest {

  @TestConfiguration
  class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(java.util.stream.Stream.of(ProcessTest.CALLED_PROCESSES, ProcessTest.PLATFORM_PROCESSES,
              ProcessTest.STARTED_BY_CONSENT).flatMap(java.util.Arrays::stream).toArray(String[]::new))
          .reportDirectory("target/process-test-coverage")
          .build();
    }
  }
}
