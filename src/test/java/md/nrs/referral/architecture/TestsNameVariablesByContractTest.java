package md.nrs.referral.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessContracts;
import md.nrs.referral.forms.FormCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Tests name process variables and form fields through the contracts ({@code CaseVariables.CASE_CODE.name()},
 * a form record through {@code FormSubmission.of}), never as strings, so renaming a variable in its contract
 * cannot leave a test submitting the old name. {@link StringKeys} finds the strings; a fixture proves it.
 */
class TestsNameVariablesByContractTest {

  private static final Path TESTS = Path.of("src/test/java");
  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/string-keys/StringKeyedSubmissions.java.txt");

  @Test
  void noTestSpellsAKnownVariableAsAStringKey() throws IOException {
    Set<String> known = knownNames();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file ->
          StringKeys.find(read(file), known).forEach(finding -> found.add(TESTS.relativize(file) + " " + finding)));
    }

    assertThat(found).as("name these through the process contract's ProcessVariable (X.name()) or submit the form's "
        + "record with FormSubmission.of").isEmpty();
  }

  @Test
  void theScanReportsEachStringKeyOfTheFixtureAndNothingElse() {
    List<String> found = StringKeys.find(read(FIXTURE), knownNames());

    assertThat(found).containsExactly(
        "line 8: \"coordinatorComment\" in Map.of(",
        "line 9: \"caseCode\" in Map.of(",
        "line 10: \"minor\" in Map.entry(",
        "line 11: \"urgency\" in setVariable(",
        "line 12: \"channel\" in variableValueEquals(",
        "line 13: \"repatriationOutcome\" in containsEntry(",
        "line 14: \"sex\" in Map.of(",
        "line 15: \"pathway\" in getEntry(");
  }

  @Test
  void theKnownNamesComeFromTheContractsAndTheFormRecords() {
    assertThat(knownNames()).contains("caseCode", "urgency", "minor", "planDecision", "notificationKey", "sweepPageFull",
        "interviewedOn", "coordinatorComment", "escalationAction").doesNotContain("Authorization", "id");
  }

  /** Every variable a process contract declares and every field of a form record. */
  static Set<String> knownNames() {
    Set<String> names = new TreeSet<>();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
        return bean.getMetadata().isIndependent();
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessContract.class));
    for (BeanDefinition contract : scanner.findCandidateComponents("md.nrs.referral")) {
      names.addAll(ProcessContracts.variables(ClassUtils.resolveClassName(contract.getBeanClassName(), null)));
    }
    for (Class<? extends Record> form : new FormCatalog().all().values()) {
      for (RecordComponent field : form.getRecordComponents()) {
        names.add(field.getName());
      }
    }
    return names;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
