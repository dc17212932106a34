package md.nrs.referral.models;

import static md.nrs.referral.models.BpmnFile.CAMUNDA_NS;

import java.util.List;
import java.util.regex.Matcher;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;

/**
 * A delegate expression is exactly ${name} of a platform delegate: nothing else is evaluated as code. Models
 * never name Java classes.
 */
final class DelegateRule implements ElementRule {

  @Override
  public void check(Element raw, DomElement element, BaseElement owner, BpmnFile file) {
    for (String attribute : List.of("delegateExpression", "variableMappingDelegateExpression")) {
      String delegate = element.getAttribute(CAMUNDA_NS, attribute);
      if (delegate != null) {
        checkDelegate(file, owner, delegate);
      }
    }
    for (String attribute : List.of("class", "variableMappingClass", "formHandlerClass")) {
      String className = element.getAttribute(CAMUNDA_NS, attribute);
      if (className != null && !file.environment().classExists(className.trim())) {
        file.problem(owner, ProblemCode.CLASS_MISSING.with("className", className.trim()));
      } else if (className != null) {
        file.problem(owner, ProblemCode.CLASS_NAMED.with("className", className.trim(), "attribute", attribute,
            "example", "${countFollowUp}"));
      }
    }
  }

  private static void checkDelegate(BpmnFile file, BaseElement owner, String delegate) {
    Matcher bean = BpmnFile.SIMPLE_BEAN.matcher(delegate);
    if (!bean.matches()) {
      file.problem(owner, ProblemCode.DELEGATE_NOT_A_NAME.with("shape", "${delegateName}"));
    } else if (!file.environment().beanExists(bean.group(1))) {
      file.problem(owner, ProblemCode.DELEGATE_UNKNOWN.with("delegate", bean.group(1), "expression", delegate.trim()));
    } else if (!file.environment().isPlatformDelegate(bean.group(1))) {
      file.problem(owner, ProblemCode.DELEGATE_NOT_PLATFORM.with("delegate", bean.group(1)));
    }
  }
}
