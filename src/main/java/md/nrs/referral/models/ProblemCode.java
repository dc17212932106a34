package md.nrs.referral.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of problem the validation gate reports, by a code that stays the same for programs (it is in
 * the gate's answer beside the worded message), with the names of its arguments. The words are in the
 * translation source as {@code models.problem.<code>} with those {placeholders} (forms/i18n/en.json, ro.json,
 * ru.json; TranslationSourceTest checks each code has them). Codes under {@code refusal.} say why an
 * expression is refused, those under {@code where.} name a place in an element; both fill other problems.
 */
public enum ProblemCode {
  FILE_TYPE("file-type"),
  SOURCE_RESERVED("source-reserved", "source"),
  FORM_NO_ID("form-no-id"),
  FORM_ID_TAKEN("form-id-taken", "file"),
  FORM_UNREADABLE("form-unreadable", "reason"),
  BPMN_UNREADABLE("bpmn-unreadable", "reason"),
  DMN_UNREADABLE("dmn-unreadable", "reason"),
  DECISION_NO_TIME_TO_LIVE("decision-no-time-to-live"),
  DMN_LANGUAGE("dmn-language", "language", "where"),
  DMN_FUNCTION("dmn-function", "where"),
  PROCESS_NO_TIME_TO_LIVE("process-no-time-to-live"),
  NO_SHAPE("no-shape"),
  NO_ARROW("no-arrow"),
  TIMER_NO_BASIS("timer-no-basis"),
  FORM_BY_PATH("form-by-path", "formKey"),
  FORM_UNKNOWN("form-unknown", "form"),
  PROCESS_UNKNOWN("process-unknown", "process"),
  DECISION_UNKNOWN("decision-unknown", "decision"),
  CANDIDATE_GROUP_UNKNOWN("candidate-group-unknown", "group"),
  SCRIPT("script"),
  CONNECTOR("connector"),
  CLASS_MISSING("class-missing", "className"),
  CLASS_NAMED("class-named", "className", "attribute", "example"),
  DELEGATE_NOT_A_NAME("delegate-not-a-name", "shape"),
  DELEGATE_UNKNOWN("delegate-unknown", "delegate", "expression"),
  DELEGATE_NOT_PLATFORM("delegate-not-platform", "delegate"),
  EXPRESSION_NOT_ALLOWED("expression-not-allowed", "where", "refusal"),
  BEAN_IN_EXPRESSION("bean-in-expression", "bean", "where", "expression"),
  VARIABLE_UNKNOWN("variable-unknown", "variable", "where", "processes"),
  FORM_FIELD_UNKNOWN_TO_FORM("form-field-unknown-to-form", "field"),
  FORM_FIELD_UNKNOWN_TO_PROCESS("form-field-unknown-to-process", "field"),

  REFUSAL_UNREADABLE("refusal.unreadable", "reason"),
  REFUSAL_BEAN_PROPERTY("refusal.bean-property", "property", "bean", "allowed"),
  REFUSAL_METHOD_THROUGH_BRACKETS("refusal.method-through-brackets"),
  REFUSAL_BRACKETS("refusal.brackets"),
  REFUSAL_SHAPE("refusal.shape", "type"),
  REFUSAL_FUNCTION("refusal.function", "function"),
  REFUSAL_FUNCTION_ARGUMENTS("refusal.function-arguments", "function"),
  REFUSAL_ENGINE_PROPERTY("refusal.engine-property", "property", "object", "allowed"),
  REFUSAL_ENGINE_METHOD("refusal.engine-method", "method", "object", "allowed"),
  REFUSAL_VARIABLE_PROPERTY("refusal.variable-property", "property"),
  REFUSAL_VARIABLE_METHOD("refusal.variable-method", "method"),
  REFUSAL_DATE_PROPERTY("refusal.date-property", "property"),
  REFUSAL_DATE_METHOD("refusal.date-method", "method"),
  REFUSAL_VALUE_PROPERTY("refusal.value-property", "property"),
  REFUSAL_VALUE_METHOD("refusal.value-method", "method"),

  WHERE_CONDITION("where.condition"),
  WHERE_CALLED_PROCESS_INPUT("where.called-process-input");

  /** The key prefix in the translation source. */
  public static final String KEY_PREFIX = "models.problem.";

  private final String code;
  private final List<String> arguments;

  ProblemCode(String code, String... arguments) {
    this.code = code;
    this.arguments = List.of(arguments);
  }

  /** The stable code ("delegate-unknown"). */
  public String code() {
    return code;
  }

  /** The key of its words in the translation source. */
  public String key() {
    return KEY_PREFIX + code;
  }

  /** The names of its arguments, as the placeholders of its words. */
  public List<String> arguments() {
    return arguments;
  }

  /** This problem with its arguments, given as name, value, name, value… in the declared order. */
  public ProblemText with(Object... namesAndValues) {
    if (namesAndValues.length != 2 * arguments.size()) {
      throw new IllegalArgumentException(code + " takes " + arguments);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!arguments.get(i / 2).equals(namesAndValues[i])) {
        throw new IllegalArgumentException(code + " takes " + arguments + ", not " + namesAndValues[i]);
      }
      Object value = namesAndValues[i + 1];
      values.put(arguments.get(i / 2), value instanceof ProblemText ? value : String.valueOf(value));
    }
    return new ProblemText(this, values);
  }
}
