package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Finds every expression an element carries, wherever the engine might evaluate one: any attribute
 * (conditions, assignees, candidate users and groups, due and follow-up dates, collections, called
 * elements, business keys, message and signal names…) and the text of any leaf element (conditions,
 * timers, input/output mappings, field injections, list and map values). Looking at all of them, not a
 * list of known places, means a new or unusual place is checked too. Documentation is not evaluated.
 */
final class ModelExpressions {

  /** Elements whose text is for people only. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  /** {@code where} is the attribute or element name, or (a condition) a {@link ProblemText} saying so in words. */
  record Found(String name, Object where, String text) {
  }

  private ModelExpressions() {
  }

  static List<Found> of(Element element) {
    List<Found> found = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (holdsExpression(attribute.getValue()) && !"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
        String where = ModelValidator.CAMUNDA_NS.equals(attribute.getNamespaceURI()) ? "camunda:" + name : name;
        found.add(new Found(name, where, attribute.getValue()));
      }
    }
    if (isLeaf(element) && !PROSE.contains(element.getLocalName()) && holdsExpression(element.getTextContent())) {
      String local = element.getLocalName();
      found.add(new Found(local, "conditionExpression".equals(local) ? ProblemCode.WHERE_CONDITION.with() : local,
          element.getTextContent()));
    }
    return found;
  }

  private static boolean isLeaf(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        return false;
      }
    }
    return true;
  }

  private static boolean holdsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }
}
