package md.nrs.referral.engine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for decisions ({@link ScalaFeelEngine}: its value mappers, custom functions and external
 * functions disabled, all built by Camunda's constructor), except that each expression's text is parsed once and
 * its parsed form evaluated from then on. Camunda's engine hands feel-scala the text on every call, which parses
 * it again for every input entry of every rule of every evaluation (every new task evaluates sla-durations).
 * Evaluation, its variables and its failures (Camunda's FeelException, naming the expression) are Camunda's.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /**
   * Texts remembered per kind. The platform's tables hold a few hundred; the bound only keeps years of revised
   * tables from growing the map without end (when it is reached the map starts afresh).
   */
  static final int MAX_TEXTS = 4096;

  private final ParsedTexts expressions = new ParsedTexts(text -> feelEngine.parseExpression(text));
  private final ParsedTexts unaryTests = new ParsedTexts(text -> feelEngine.parseUnaryTests(text));

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    if (expression == null) {
      return super.evaluateSimpleExpression(expression, variableContext);
    }
    Context context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    @SuppressWarnings("unchecked")
    T value = (T) valueOf(feelEngine.eval(parsed(expressions.of(expression)), context));
    return value;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    if (expression == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    // as Camunda's: the tests find the input through the variable the name "inputVariableName" holds
    VariableProvider input = new VariableProvider.StaticVariableProvider(
        new Map.Map1<String, Object>(INPUT_VARIABLE_NAME, inputVariable));
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    Context context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed(unaryTests.of(expression)), context)));
  }

  private static ParsedExpression parsed(Either<Failure, ParsedExpression> parsing) {
    return valueOf(parsing);
  }

  /** The value, or Camunda's FeelException with feel-scala's message (which names the expression). */
  private static <V> V valueOf(Either<Failure, V> result) {
    if (result instanceof Right<Failure, V> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, V>) result).value().message());
  }

  /** Parsing results by text, failures included (parsing the same text again gives the same failure). */
  private static final class ParsedTexts {

    private final java.util.Map<String, Either<Failure, ParsedExpression>> byText = new ConcurrentHashMap<>();
    private final Function<String, Either<Failure, ParsedExpression>> parser;

    ParsedTexts(Function<String, Either<Failure, ParsedExpression>> parser) {
      this.parser = parser;
    }

    Either<Failure, ParsedExpression> of(String text) {
      Either<Failure, ParsedExpression> parsed = byText.get(text);
      if (parsed == null) {
        parsed = parser.apply(text); // outside the map's locks: two threads may parse a new text twice, harmlessly
        if (byText.size() >= MAX_TEXTS) {
          byText.clear();
        }
        byText.put(text, parsed);
      }
      return parsed;
    }

    int size() {
      return byText.size();
    }
  }

  /** How many texts are held (tests). */
  int parsedTexts() {
    return expressions.size() + unaryTests.size();
  }
}
