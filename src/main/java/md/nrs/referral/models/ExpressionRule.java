package md.nrs.referral.models;

import static md.nrs.referral.models.BpmnFile.CAMUNDA_NS;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;

/**
 * Every expression (conditions, listeners, assignees, candidates, dates, timers, collections, mappings,
 * fields, {@code camunda:in}, message names…) keeps to {@link ExpressionAllowList}, and every variable it reads
 * is known to the process; a bean may be named only as a whole delegate expression.
 */
final class ExpressionRule implements ElementRule {

  @Override
  public void check(Element raw, DomElement element, BaseElement owner, BpmnFile file) {
    if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "in".equals(element.getLocalName())
        && element.getAttribute("source") != null) {
      checkVariable(file, owner, element.getAttribute("source").trim(), ProblemCode.WHERE_CALLED_PROCESS_INPUT.with());
    }
    ModelExpressions.of(raw).forEach(found -> {
      if (!"delegateExpression".equals(found.name()) && !"variableMappingDelegateExpression".equals(found.name())) {
        checkExpression(file, owner, found.text(), found.where());
      }
    });
  }

  /** Message, signal or error names and the like are evaluated too: same allow-list, no variables to know. */
  @Override
  public void checkOutsideProcesses(Element raw, BpmnFile file) {
    ModelExpressions.of(raw).forEach(found -> {
      for (ProblemText refusal : ExpressionAllowList.check(found.text(), name -> true).refusals()) {
        String id = raw.getAttribute("id");
        file.problem(new ModelProblem(file.file(), id.isEmpty() ? raw.getLocalName() : id,
            ProblemCode.EXPRESSION_NOT_ALLOWED.with("where", found.where(), "refusal", refusal), id.isEmpty() ? null : id));
      }
    });
  }

  private static void checkExpression(BpmnFile file, BaseElement owner, String text, Object where) {
    ExpressionAllowList.Verdict verdict = ExpressionAllowList.check(text, file::knows);
    for (ProblemText refusal : verdict.refusals()) {
      file.problem(owner, ProblemCode.EXPRESSION_NOT_ALLOWED.with("where", where, "refusal", refusal));
    }
    ModelEnvironment environment = file.environment();
    for (String name : verdict.unknownNames()) {
      if (environment.checksVariables() && environment.beanExists(name) && !BpmnFile.EL_KEYWORDS.contains(name)) {
        file.problem(owner, ProblemCode.BEAN_IN_EXPRESSION.with("bean", name, "where", where, "expression", "${" + name + "}"));
      } else {
        checkVariable(file, owner, name, where);
      }
    }
  }

  /** {@code where} is an attribute or element name, or a {@link ProblemText} saying where in words. */
  private static void checkVariable(BpmnFile file, BaseElement owner, String name, Object where) {
    if (!file.environment().checksVariables() || name.isEmpty() || BpmnFile.EL_KEYWORDS.contains(name) || file.knows(name)) {
      return;
    }
    file.problem(owner, ProblemCode.VARIABLE_UNKNOWN.with("variable", name, "where", where,
        "processes", String.join("', '", file.processKeys())));
  }
}
