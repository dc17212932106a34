package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import md.nrs.referral.engine.expressions.ReadableBeans;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which expressions a model may contain. The expression is parsed with the engine's own JUEL parser and
 * its syntax tree is checked against an allow-list of shapes, so no spelling, spacing or string trick
 * gets past it: literals; variables the process knows and one property of them (a decision result
 * row read as {@code triage.pathway}); operators and the ternary over those; the functions
 * {@code now()}, {@code dateTime()}, {@code currentUser()}, {@code currentUserGroups()}; and the listed
 * members of the engine's objects ({@code execution.processBusinessKey},
 * {@code decisionResult.getSingleResult()}…). Everything else — any other member, method call, bracket
 * access, reflection — is refused, because expressions run inside the engine with its full rights.
 */
final class ExpressionAllowList {

  /** What an expression value is, for deciding which of its members may be used. */
  private enum Kind { EXECUTION, TASK, DECISION_RESULT, DECISION_ROW, VARIABLE, DATE_TIME, VALUE, REFUSED }

  /** The engine's objects and what of them models may read (property names; their getters are allowed too). */
  private static final Map<Kind, Set<String>> MEMBERS = Map.of(
      Kind.EXECUTION, Set.of("processBusinessKey", "businessKey", "processInstanceId", "id", "currentActivityId",
          "currentActivityName", "activityInstanceId", "eventName"),
      Kind.TASK, Set.of("id", "name", "taskDefinitionKey", "processInstanceId", "assignee", "eventName", "dueDate"),
      Kind.DECISION_RESULT, Set.of("singleResult", "firstResult", "singleEntry"));
  /** Methods of a {@code dateTime()} value (Joda-Time) that compute a date from it. */
  private static final Set<String> DATE_TIME_METHODS = Set.of("plusMinutes", "plusHours", "plusDays", "plusWeeks",
      "plusMonths", "plusYears", "minusMinutes", "minusHours", "minusDays", "minusWeeks", "minusMonths", "minusYears",
      "withTimeAtStartOfDay", "toDate");
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Engine names that are objects without readable members for models. */
  private static final Map<String, Kind> ENGINE_OBJECTS = Map.of("execution", Kind.EXECUTION, "task", Kind.TASK,
      "decisionResult", Kind.DECISION_RESULT, "variableScope", Kind.VALUE, "connector", Kind.VALUE,
      "externalTask", Kind.VALUE, "caseExecution", Kind.VALUE);
  /** Property names never allowed, even on a variable: they lead from a value to the Java runtime. */
  private static final Set<String> NEVER = Set.of("class", "classLoader", "declaringClass", "module",
      "processEngineServices", "processEngine", "runtime");
  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  /**
   * The outcome: why the expression is refused (empty when its shape is allowed) and the root names it
   * reads that the caller did not know ({@code isKnown} false) — the caller decides about those.
   */
  record Verdict(List<ProblemText> refusals, Set<String> unknownNames) {
  }

  private final Predicate<String> isKnown;
  private final List<ProblemText> refusals = new ArrayList<>();
  private final Set<String> unknown = new LinkedHashSet<>();

  private ExpressionAllowList(Predicate<String> isKnown) {
    this.isKnown = isKnown;
  }

  /** Checks an attribute value or element text as the engine would read it (text with {@code ${…}} / {@code #{…}}). */
  static Verdict check(String text, Predicate<String> isKnown) {
    ExpressionAllowList check = new ExpressionAllowList(isKnown);
    try {
      check.value(PARSER.build(text).getRoot());
    } catch (TreeBuilderException e) {
      check.refusals.add(ProblemCode.REFUSAL_UNREADABLE.with("reason", e.getMessage().split("\n", 2)[0]));
    }
    return new Verdict(List.copyOf(check.refusals), Set.copyOf(check.unknown));
  }

  private Kind value(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return identifier(identifier.getName());
    }
    if (node instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean
        && ReadableBeans.PROPERTIES.containsKey(bean.getName())) {
      Set<String> readable = ReadableBeans.PROPERTIES.get(bean.getName());
      return readable.contains(propertyOf(dot)) ? Kind.VALUE : refuse(ProblemCode.REFUSAL_BEAN_PROPERTY.with(
          "property", propertyOf(dot), "bean", bean.getName(), "allowed", String.join(", ", readable)));
    }
    if (node instanceof AstDot dot) {
      return member(value(dot.getChild(0)), propertyOf(dot), false);
    }
    if (node instanceof AstMethod method) {
      Node property = method.getChild(0);
      children(method.getChild(1));
      if (!(property instanceof AstDot dot)) {
        return refuse(ProblemCode.REFUSAL_METHOD_THROUGH_BRACKETS.with());
      }
      return member(value(dot.getChild(0)), propertyOf(dot), true);
    }
    if (node instanceof AstFunction function) {
      return function(function);
    }
    if (node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull
        || node instanceof AstText) {
      return Kind.VALUE;
    }
    if (node instanceof AstEval || node instanceof AstNested) {
      return value(node.getChild(0));
    }
    if (node instanceof AstComposite || node instanceof AstUnary || node instanceof AstBinary || node instanceof AstChoice
        || node instanceof AstParameters) {
      children(node);
      return Kind.VALUE;
    }
    // brackets (a['b'], a[0]) and whatever else the parser may produce: not on the list
    return refuse(shapeOf(node));
  }

  private void children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      value(node.getChild(i));
    }
  }

  private Kind identifier(String name) {
    Kind engine = ENGINE_OBJECTS.get(name);
    if (engine != null) {
      return engine;
    }
    if (ReadableBeans.PROPERTIES.containsKey(name)) {
      return Kind.VALUE; // only the listed properties, read with a dot (above)
    }
    if (!isKnown.test(name)) {
      unknown.add(name);
    }
    return Kind.VARIABLE;
  }

  private Kind function(AstFunction function) {
    String name = function.getName();
    if (!FUNCTIONS.contains(name)) {
      return refuse(ProblemCode.REFUSAL_FUNCTION.with("function", name));
    }
    if (function.getParamCount() > 0) {
      return refuse(ProblemCode.REFUSAL_FUNCTION_ARGUMENTS.with("function", name));
    }
    return "dateTime".equals(name) ? Kind.DATE_TIME : Kind.VALUE;
  }

  private Kind member(Kind base, String name, boolean call) {
    if (base == Kind.REFUSED) {
      return Kind.REFUSED;
    }
    String property = call ? propertyOfGetter(name) : name;
    switch (base) {
      case EXECUTION, TASK, DECISION_RESULT -> {
        if (property != null && MEMBERS.get(base).contains(property)) {
          return base == Kind.DECISION_RESULT && !"singleEntry".equals(property) ? Kind.DECISION_ROW : Kind.VALUE;
        }
        String allowed = String.join(", ", MEMBERS.get(base).stream().sorted().toList());
        return refuse(call ? ProblemCode.REFUSAL_ENGINE_METHOD.with("method", name, "object", objectName(base), "allowed", allowed)
            : ProblemCode.REFUSAL_ENGINE_PROPERTY.with("property", name, "object", objectName(base), "allowed", allowed));
      }
      case DECISION_ROW, VARIABLE -> {
        if (!call && !NEVER.contains(name)) {
          return Kind.VALUE; // an output of a decision result (a map entry); the engine's resolver checks the type
        }
        return refuse(call ? ProblemCode.REFUSAL_VARIABLE_METHOD.with("method", name)
            : ProblemCode.REFUSAL_VARIABLE_PROPERTY.with("property", name));
      }
      case DATE_TIME -> {
        if (call && DATE_TIME_METHODS.contains(name)) {
          return "toDate".equals(name) ? Kind.VALUE : Kind.DATE_TIME;
        }
        return refuse(call ? ProblemCode.REFUSAL_DATE_METHOD.with("method", name)
            : ProblemCode.REFUSAL_DATE_PROPERTY.with("property", name));
      }
      default -> {
        return refuse(call ? ProblemCode.REFUSAL_VALUE_METHOD.with("method", name)
            : ProblemCode.REFUSAL_VALUE_PROPERTY.with("property", name));
      }
    }
  }

  private Kind refuse(ProblemText reason) {
    refusals.add(reason);
    return Kind.REFUSED;
  }

  private static String objectName(Kind kind) {
    return switch (kind) {
      case EXECUTION -> "execution";
      case TASK -> "task";
      default -> "decisionResult";
    };
  }

  /** getSingleResult → singleResult; isX → x; anything else is not a getter (null). */
  private static String propertyOfGetter(String method) {
    String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : "";
    return rest.isEmpty() ? null : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  private static String propertyOf(AstDot dot) {
    return dot.toString().substring(2); // AstDot prints ". name"; the field itself is not public
  }

  private static ProblemText shapeOf(Node node) {
    String type = node.getClass().getSimpleName();
    return "AstBracket".equals(type) ? ProblemCode.REFUSAL_BRACKETS.with()
        : ProblemCode.REFUSAL_SHAPE.with("type", type.replace("Ast", ""));
  }
}
