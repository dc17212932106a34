package md.nrs.referral.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * The decisions' FEEL engine that parses each text once answers as Camunda's own engine, which parses it on every
 * evaluation: the same results for every deployed table, the same refusals and the same errors.
 */
class ParsedOnceFeelEngineTest {

  private static final Path MODELS = Path.of("processes");
  /** Inputs per table at most: all combinations of the values the table names when they are fewer. */
  private static final int CASES_PER_TABLE = 600;
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w\"])-?\\d+(?:\\.\\d+)?(?![\\w\"])");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DmnEngine parsedOnce = ParsedOnceFeelEngineFactory.standaloneDmnEngine();
  private final ParsedOnceFeelEngine feel = (ParsedOnceFeelEngine) feelOf(parsedOnce);
  private final ScalaFeelEngine stockFeel = (ScalaFeelEngine) feelOf(stock);

  @Test
  void everyDeployedTableAnswersAsCamundasOwnEngineForTheValuesItsRulesName() throws IOException {
    List<Path> tables;
    try (Stream<Path> files = Files.list(MODELS)) {
      tables = files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(tables).hasSizeGreaterThan(10);
    int evaluations = 0;
    int matched = 0;
    for (Path table : tables) {
      List<DmnDecision> stockDecisions = parse(stock, table);
      List<DmnDecision> parsedOnceDecisions = parse(parsedOnce, table);
      for (Map<String, Object> facts : inputsOf(table)) {
        for (int i = 0; i < stockDecisions.size(); i++) {
          DmnDecision decision = stockDecisions.get(i);
          Object expected = answer(stock, decision, facts);
          assertThat(answer(parsedOnce, parsedOnceDecisions.get(i), facts))
              .as("%s, decision %s, inputs %s", table.getFileName(), decision.getKey(), facts).isEqualTo(expected);
          evaluations++;
          matched += expected instanceof List<?> rows && !rows.isEmpty() ? 1 : 0;
        }
      }
    }
    assertThat(evaluations).isGreaterThan(1_000);
    assertThat(matched).as("evaluations where a rule matched").isGreaterThan(evaluations / 4);
    assertThat(feel.parsedTexts()).as("texts parsed once and held").isGreaterThan(100);
  }

  @Test
  void aFeelExpressionCannotReachJavaThroughAnExternalFunction() {
    String callsJava = "{ exit: function(code) external { java: { class: \"java.lang.System\", "
        + "method signature: \"exit(int)\" } }, done: exit(3) }.done";

    assertThatThrownBy(() -> feel.evaluateSimpleExpression(callsJava, Variables.emptyVariableContext()))
        .isInstanceOf(FeelException.class).hasMessageContaining("External functions are disabled");
    assertThatThrownBy(() -> stockFeel.evaluateSimpleExpression(callsJava, Variables.emptyVariableContext()))
        .isInstanceOf(FeelException.class).hasMessageContaining("External functions are disabled");
  }

  @Test
  void anExpressionThatDoesNotParseFailsWithCamundasExceptionNamingIt() {
    assertThatThrownBy(() -> feel.evaluateSimpleExpression("duration(\"P3D\" +* 1", Variables.emptyVariableContext()))
        .isInstanceOf(FeelException.class).hasMessageContaining("duration(\"P3D\" +* 1")
        .hasMessage(messageOf(() -> stockFeel.evaluateSimpleExpression("duration(\"P3D\" +* 1",
            Variables.emptyVariableContext())));
    assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests(">= 3 <", "limit", facts("limit", 2)))
        .isInstanceOf(FeelException.class).hasMessageContaining(">= 3 <")
        .hasMessage(messageOf(() -> stockFeel.evaluateSimpleUnaryTests(">= 3 <", "limit", facts("limit", 2))));
  }

  @Test
  void theSameTextIsAnsweredAgainForNewValuesAndAChangedTextParsesAnew() {
    assertThat(feel.evaluateSimpleUnaryTests(">= 3", "absences", facts("absences", 4))).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests(">= 3", "absences", facts("absences", 2))).isFalse();
    assertThat(feel.evaluateSimpleUnaryTests(">= 5", "absences", facts("absences", 4))).isFalse();
    assertThat((Object) feel.evaluateSimpleExpression("absences + 1", facts("absences", 4))).isEqualTo(5L);
    assertThat((Object) feel.evaluateSimpleExpression("absences + 2", facts("absences", 4))).isEqualTo(6L);
  }

  @Test
  void aUnaryTestThatIsNeitherTrueNorFalseDoesNotMatchAsWithCamundasEngine() {
    VariableContext noValue = facts("absences", null);

    assertThat(feel.evaluateSimpleUnaryTests(">= 3", "absences", noValue))
        .isEqualTo(stockFeel.evaluateSimpleUnaryTests(">= 3", "absences", noValue)).isFalse();
  }

  @Test
  void theHeldTextsStayBoundedWhateverManyRevisionsBring() {
    for (int i = 0; i < ParsedOnceFeelEngine.MAX_TEXTS + 10; i++) {
      assertThat(feel.evaluateSimpleUnaryTests("< " + i, "absences", facts("absences", i - 1))).isTrue();
    }

    assertThat(feel.parsedTexts()).isLessThanOrEqualTo(ParsedOnceFeelEngine.MAX_TEXTS);
  }

  @Test
  void severalThreadsEvaluatingTheSameTextsGetTheirOwnAnswers() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int absences = i % 7;
        answers.add(threads.submit(() -> feel.evaluateSimpleUnaryTests("[2..4]", "absences", facts("absences", absences))
            == (absences >= 2 && absences <= 4)));
      }
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  // ---

  private static Object feelOf(DmnEngine engine) {
    return ((DefaultDmnEngineConfiguration) engine.getConfiguration()).getFeelEngine();
  }

  private static VariableContext facts(String name, Object value) {
    return Variables.createVariables().putValue(name, value).asVariableContext();
  }

  private static String messageOf(Runnable failing) {
    try {
      failing.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("did not fail");
  }

  private static List<DmnDecision> parse(DmnEngine engine, Path table) throws IOException {
    try (InputStream model = Files.newInputStream(table)) {
      return engine.parseDecisions(model);
    }
  }

  /** The result rows, or the failure (its type and message) when the table cannot answer these inputs. */
  private static Object answer(DmnEngine engine, DmnDecision decision, Map<String, Object> facts) {
    try {
      return engine.evaluateDecision(decision, facts).getResultList();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /**
   * Inputs for a table: for each input that names a variable, no value, and the values its rules compare it to (texts,
   * numbers and the numbers around them, true and false), combined; a fixed random sample when there are too many.
   */
  private static List<Map<String, Object>> inputsOf(Path table) throws IOException {
    DmnModelInstance model;
    try (InputStream in = Files.newInputStream(table)) {
      model = Dmn.readModelFromStream(in);
    }
    Map<String, Set<Object>> candidates = new LinkedHashMap<>();
    for (Input input : model.getModelElementsByType(Input.class)) {
      String name = input.getInputExpression().getText() == null ? "" : input.getInputExpression().getText().getTextContent().trim();
      if (!NAME.matcher(name).matches()) {
        continue;
      }
      Set<Object> values = candidates.computeIfAbsent(name, key -> new LinkedHashSet<>());
      values.add(null);
      String type = String.valueOf(input.getInputExpression().getTypeRef());
      int column = input.getParentElement().getChildElementsByType(Input.class).stream().toList().indexOf(input);
      for (Rule rule : input.getParentElement().getChildElementsByType(Rule.class)) {
        InputEntry entry = rule.getInputEntries().stream().toList().get(column);
        String text = entry.getText() == null ? "" : entry.getText().getTextContent();
        valuesNamedIn(text, type, values);
      }
      if (type.equals("boolean")) {
        values.add(true);
        values.add(false);
      }
    }
    List<Map<String, Object>> all = new ArrayList<>();
    all.add(new HashMap<>());
    for (Map.Entry<String, Set<Object>> input : candidates.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> partial : all) {
        for (Object value : input.getValue()) {
          Map<String, Object> facts = new HashMap<>(partial);
          facts.put(input.getKey(), value);
          next.add(facts);
        }
      }
      all = next.size() > 50 * CASES_PER_TABLE ? sample(next, 50 * CASES_PER_TABLE) : next;
    }
    return all.size() > CASES_PER_TABLE ? sample(all, CASES_PER_TABLE) : all;
  }

  private static void valuesNamedIn(String text, String type, Set<Object> values) {
    Matcher quoted = QUOTED.matcher(text);
    while (quoted.find()) {
      values.add(quoted.group(1));
    }
    if (type.equals("string")) {
      values.add("something-else");
    }
    Matcher number = NUMBER.matcher(text);
    while (number.find() && (type.equals("integer") || type.equals("long") || type.equals("double"))) {
      int value = (int) Double.parseDouble(number.group());
      values.add(value - 1);
      values.add(value);
      values.add(value + 1);
    }
  }

  private static List<Map<String, Object>> sample(List<Map<String, Object>> all, int size) {
    List<Map<String, Object>> copy = new ArrayList<>(all);
    java.util.Collections.shuffle(copy, new Random(22));
    return copy.subList(0, size);
  }
}
