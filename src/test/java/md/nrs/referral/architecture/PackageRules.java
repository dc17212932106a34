package md.nrs.referral.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's package rules, for any root package: the real code ({@code md.nrs.referral}) and the
 * fixture that proves each rule reports what it should. A "feature" is a package right under the root
 * ({@code shelter}, {@code agencies}, …) with everything below it.
 */
final class PackageRules {

  /** The engine adapter: the only package that may use the engine's internals. */
  static final String ENGINE = "engine";
  /** Modules used only through their ports: the classes of their own top package; what lies below is theirs. */
  static final List<String> MODULES_WITH_PORTS = List.of("agencies", "privacy");

  private PackageRules() {
  }

  /** Features depend on each other in one direction only: no cycle of any length between them. */
  static ArchRule noCyclesBetweenFeatures(String root) {
    return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
        .because("a cycle knots features together: none can change or be understood alone");
  }

  /** Engine internals ({@code org.camunda.bpm.engine.impl}) are used in the engine adapter only. */
  static ArchRule engineInternalsOnlyInTheEngineAdapter(String root) {
    return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + "." + ENGINE + "..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("engine/ is the one adapter to Camunda's internals; features use the public API");
  }

  /** Other features reach a module only through its ports (its top package), never its insides. */
  static ArchRule modulesAreReachedThroughTheirPorts(String root, String module) {
    String top = root + "." + module;
    return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(top + "..")
        .should().dependOnClassesThat().resideInAPackage(top + ".*..")
        .because(module + "/ is used through the ports in its top package; its sub-packages are its own business");
  }

  /** A REST controller reads and writes the repositories of its own feature only. */
  static ArchRule controllersUseOnlyTheirOwnFeaturesRepositories(String root) {
    return classes().that().resideInAPackage(root + "..").and().areAnnotatedWith(RestController.class)
        .should(useOnlyRepositoriesOfTheirFeature(root))
        .allowEmptyShould(true);
  }

  private static ArchCondition<JavaClass> useOnlyRepositoriesOfTheirFeature(String root) {
    return new ArchCondition<>("use only repositories of their own feature") {
      @Override
      public void check(JavaClass controller, ConditionEvents events) {
        String own = feature(root, controller);
        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          if (target.isAssignableTo(Repository.class) && !own.equals(feature(root, target))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The feature of a class: the package right under the root. */
  static String feature(String root, JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(root + ".")) {
      return "";
    }
    String rest = name.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
