package md.nrs.referral.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link PackageRulesTest}, run on a fixture with a deliberate cycle, an engine internal outside
 * engine/, a reach inside agencies/ and a controller using another feature's repository: each is reported,
 * and nothing the rules allow is.
 */
class PackageRulesCatchBreakagesTest {

  private static final String FIXTURE = "md.nrs.archfixture";
  private static JavaClasses fixture;

  @BeforeAll
  static void importTheFixture() {
    fixture = new ClassFileImporter().importPackages(FIXTURE);
  }

  @Test
  void aCycleBetweenTwoFeaturesIsReported() {
    List<String> details = violations(PackageRules.noCyclesBetweenFeatures(FIXTURE));

    assertThat(String.join("\n", details)).contains("alpha").contains("beta")
        .contains("AlphaService").contains("BetaService").doesNotContain("gamma");
  }

  @Test
  void anEngineInternalOutsideTheEngineAdapterIsReported() {
    List<String> details = violations(PackageRules.engineInternalsOnlyInTheEngineAdapter(FIXTURE));

    assertThat(details).isNotEmpty().allMatch(line -> line.contains("GammaClock"))
        .anyMatch(line -> line.contains("org.camunda.bpm.engine.impl.util.ClockUtil"));
  }

  @Test
  void reachingInsideAModuleAroundItsPortIsReported() {
    List<String> details = violations(PackageRules.modulesAreReachedThroughTheirPorts(FIXTURE, "agencies"));

    assertThat(details).isNotEmpty().allMatch(line -> line.contains("AlphaService") && line.contains("Outbox"));
    assertThat(PackageRules.modulesAreReachedThroughTheirPorts(FIXTURE, "privacy").evaluate(fixture).hasViolation()).isFalse();
  }

  @Test
  void aControllerUsingAnotherFeaturesRepositoryIsReported() {
    List<String> details = violations(PackageRules.controllersUseOnlyTheirOwnFeaturesRepositories(FIXTURE));

    assertThat(details).isNotEmpty().allMatch(line -> line.contains("BetaController") && line.contains("AlphaRepository"));
  }

  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixture);
    assertThat(result.hasViolation()).as("the fixture breaks: " + rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }
}
