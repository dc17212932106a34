package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

/**
 * The element templates of .camunda/element-templates as Camunda Modeler reads them, and their bindings
 * applied to a model the way Modeler's properties panel writes them (only the binding types the
 * platform's templates use; any other is a failure, so a new binding cannot slip past the tests).
 */
final class ElementTemplates {

  static final Path FOLDER = Path.of(".camunda", "element-templates");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElementTemplates() {
  }

  /** Every template of every file, as parsed JSON (each file is an array of templates, as Modeler expects). */
  static List<JsonNode> all() {
    List<JsonNode> templates = new ArrayList<>();
    for (Path file : files()) {
      try {
        JSON.readTree(file.toFile()).forEach(templates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(file + " is not readable JSON", e);
      }
    }
    return templates;
  }

  static List<Path> files() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode byId(String id) {
    return all().stream().filter(t -> id.equals(t.path("id").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no element template " + id));
  }

  /**
   * Applies a template to an element: hidden values as they are, a dropdown's choice or a typed value from
   * {@code chosen} (by the property's label; a dropdown accepts only one of its choices), else the default.
   */
  static void apply(BpmnModelInstance model, String elementId, String templateId, Map<String, String> chosen) {
    JsonNode template = byId(templateId);
    BaseElement element = model.getModelElementById(elementId);
    element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", templateId);
    element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion", template.path("version").asText());
    for (JsonNode property : template.path("properties")) {
      bind(model, element, property.path("binding"), valueOf(property, chosen));
    }
  }

  private static String valueOf(JsonNode property, Map<String, String> chosen) {
    String label = property.path("label").asText();
    String value = chosen.getOrDefault(label, property.path("value").asText(null));
    if ("Dropdown".equals(property.path("type").asText())) {
      List<String> choices = new ArrayList<>();
      property.path("choices").forEach(c -> choices.add(c.path("value").asText()));
      if (!choices.contains(value)) {
        throw new AssertionError("'" + value + "' is not a choice of " + label + ": " + choices);
      }
    }
    if (value == null) {
      throw new AssertionError("no value for " + label);
    }
    return value;
  }

  private static void bind(BpmnModelInstance model, BaseElement element, JsonNode binding, String value) {
    String type = binding.path("type").asText();
    switch (type) {
      case "property" -> {
        String name = binding.path("name").asText();
        if ("conditionExpression".equals(name)) {
          ConditionExpression condition = model.newInstance(ConditionExpression.class);
          condition.setTextContent(value);
          ((SequenceFlow) element).setConditionExpression(condition);
        } else if (name.startsWith("camunda:")) {
          element.setAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()), value);
        } else {
          element.setAttributeValue(name, value);
        }
      }
      case "camunda:inputParameter" -> {
        CamundaInputParameter parameter = model.newInstance(CamundaInputParameter.class);
        parameter.setCamundaName(binding.path("name").asText());
        parameter.setTextContent(value);
        inputOutput(model, element).addChildElement(parameter);
      }
      case "camunda:in:businessKey" -> {
        CamundaIn in = model.newInstance(CamundaIn.class);
        in.setCamundaBusinessKey(value);
        extensions(model, element).addChildElement(in);
      }
      case "camunda:in" -> {
        CamundaIn in = model.newInstance(CamundaIn.class);
        if (binding.path("expression").asBoolean()) {
          in.setCamundaSourceExpression(value);
        } else {
          in.setCamundaSource(value);
        }
        in.setCamundaTarget(binding.path("target").asText());
        extensions(model, element).addChildElement(in);
      }
      default -> throw new AssertionError("binding type " + type + " is not applied by this test; add it here first");
    }
  }

  private static ExtensionElements extensions(BpmnModelInstance model, BaseElement element) {
    if (element.getExtensionElements() == null) {
      element.setExtensionElements(model.newInstance(ExtensionElements.class));
    }
    return element.getExtensionElements();
  }

  private static CamundaInputOutput inputOutput(BpmnModelInstance model, BaseElement element) {
    ExtensionElements extensions = extensions(model, element);
    return extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream().findFirst()
        .orElseGet(() -> extensions.addExtensionElement(CamundaInputOutput.class));
  }
}
