package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decisions may use FEEL only. Other expression languages of the DMN engine run code: JUEL reaches Java
 * objects, and {@code groovy}, {@code javascript}, {@code python}, {@code jruby} are scripts. So every
 * {@code expressionLanguage} (on the definitions, input expressions, input and output entries, literal
 * expressions) must name FEEL, and FEEL texts may not define functions — {@code function(…) external
 * {java: …}} would call Java.
 */
final class DmnExpressionRules {

  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel", "https://www.omg.org/spec/dmn/20191111/feel",
      "https://www.omg.org/spec/dmn/20211108/feel", "https://www.omg.org/spec/dmn/20230324/feel");
  private static final Set<String> FEEL_TEXTS = Set.of("text");
  /** A FEEL string literal ("…" with \" escapes): what it holds is data, not code. */
  private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern FUNCTION_DEFINITION = Pattern.compile("\\b(function|external)\\b");

  private DmnExpressionRules() {
  }

  /** Expression languages and FEEL texts, per decision (and on the definitions, which set the default language). */
  static void check(ModelResource resource, DmnModelInstance model, List<ModelProblem> problems) {
    Element definitions = ((Document) model.getDocument().getDomSource().getNode()).getDocumentElement();
    String language = definitions.getAttribute("expressionLanguage");
    if (!language.isBlank()) {
      List<ProblemText> refusals = new ArrayList<>();
      check((Element) definitions.cloneNode(false), refusals);
      String id = definitions.getAttribute("id").isBlank() ? "definitions" : definitions.getAttribute("id");
      refusals.forEach(r -> problems.add(new ModelProblem(resource.name(), id, r)));
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      List<ProblemText> refusals = new ArrayList<>();
      for (Node child = definitions.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element element && decision.getId().equals(element.getAttribute("id"))) {
          check(element, refusals);
        }
      }
      refusals.forEach(r -> problems.add(new ModelProblem(resource.name(), ModelValidator.describeDecision(decision), r, decision.getId())));
    }
  }

  /** Adds why the element or anything inside it is refused, each naming where (e.g. "inputEntry UnaryTests_1"). */
  private static void check(Element element, List<ProblemText> refusals) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank() && !isFeel(language)) {
      refusals.add(ProblemCode.DMN_LANGUAGE.with("language", language.trim(), "where", where(element)));
    }
    if (FEEL_TEXTS.contains(element.getLocalName()) && element.getParentNode() instanceof Element parent
        && FUNCTION_DEFINITION.matcher(FEEL_STRING.matcher(element.getTextContent()).replaceAll("\"\"")).find()) {
      refusals.add(ProblemCode.DMN_FUNCTION.with("where", where(parent)));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        check(childElement, refusals);
      }
    }
  }

  private static boolean isFeel(String language) {
    String normalised = language.trim().toLowerCase(Locale.ROOT);
    return FEEL.contains(normalised.endsWith("/") ? normalised.substring(0, normalised.length() - 1) : normalised);
  }

  private static String where(Element element) {
    String id = element.getAttribute("id");
    return id.isEmpty() ? element.getLocalName() : element.getLocalName() + " " + id;
  }
}
