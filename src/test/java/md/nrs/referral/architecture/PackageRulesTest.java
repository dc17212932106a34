package md.nrs.referral.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform's own code keeps the package rules; a broken rule fails the build with the offending dependencies. */
class PackageRulesTest {

  private static final String ROOT = "md.nrs.referral";
  private static JavaClasses platform;

  @BeforeAll
  static void importThePlatform() {
    platform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void noFeaturesDependOnEachOtherInACycle() {
    PackageRules.noCyclesBetweenFeatures(ROOT).check(platform);
  }

  @Test
  void onlyTheEngineAdapterUsesEngineInternals() {
    PackageRules.engineInternalsOnlyInTheEngineAdapter(ROOT).check(platform);
  }

  @Test
  void agenciesAndPrivacyAreReachedOnlyThroughTheirPorts() {
    PackageRules.MODULES_WITH_PORTS.forEach(module -> PackageRules.modulesAreReachedThroughTheirPorts(ROOT, module).check(platform));
  }

  @Test
  void controllersUseOnlyTheRepositoriesOfTheirOwnFeature() {
    PackageRules.controllersUseOnlyTheirOwnFeaturesRepositories(ROOT).check(platform);
  }
}
