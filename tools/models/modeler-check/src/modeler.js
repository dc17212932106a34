// The platform's models in bpmn-js's Camunda 7 modeler (camunda-bpmn-js) with the properties panel, the
// element templates and bpmn-js-bpmnlint running the packed .bpmnlintrc (bpmnlint recommended and
// bpmnlint-plugin-nrs), as Camunda Modeler's problems panel runs them. ModelerInTheBrowserTest drives the
// page through window.nrsModeler.
import BpmnModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { RemoveTemplatesModule } from 'bpmn-js-create-append-anything';
import packedConfig from '../../.bpmnlintrc';

import 'camunda-bpmn-js/dist/assets/camunda-platform-modeler.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

// camunda-bpmn-js 5.30.2 pulls bpmn-js-create-append-anything 2.0.0 (the newest the registry has; 5.35 needs
// ^2.1.0). Its "remove template" entry of the replace menu reads bpmn-js 18.31's replace options as arrays
// and throws on the TYPED_EVENT object when a templated element's menu is built; that one entry is left out.
BpmnModeler.prototype._modules = BpmnModeler.prototype._modules.filter((module) => module !== RemoveTemplatesModule);

const modeler = new BpmnModeler({
  container: '#canvas',
  propertiesPanel: { parent: '#properties' },
  additionalModules: [ lintModule ],
  linting: { bpmnlint: packedConfig, active: true },
  elementTemplates: []
});

const templateErrors = [];
modeler.on('elementTemplates.errors', (event) => templateErrors.push(...event.errors.map(String)));

/** The lint reports as flat records, the rule and element of each. */
async function lint() {
  const reports = await modeler.get('linting').lint();
  return Object.entries(reports).flatMap(([rule, found]) =>
    found.map((report) => ({ rule, id: report.id, message: report.message, category: report.category })));
}

/** Waits for the problems overlays of the last change to be drawn (for screenshots). */
function linted() {
  return new Promise((resolve) => modeler.get('eventBus').once('linting.completed', () => resolve()));
}

window.nrsModeler = {
  /** Opens a model; resolves to the import warnings and the lint reports. */
  async open(name, xml) {
    document.getElementById('caption').textContent = name;
    const drawn = linted();
    const { warnings } = await modeler.importXML(xml);
    const canvas = modeler.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    if (canvas.zoom() >= 1) {
      // A small diagram: near the palette, with room on its right for a problem's message.
      const box = canvas.viewbox();
      canvas.viewbox({ x: box.inner.x - 140, y: box.inner.y - 160, width: box.width, height: box.height });
    }
    await drawn;
    return { warnings: warnings.map((w) => w.message), reports: await lint() };
  },

  /** Loads element templates as Modeler does from .camunda/element-templates; resolves to their ids and any errors. */
  loadTemplates(templates) {
    templateErrors.length = 0;
    modeler.get('elementTemplatesLoader').setTemplates(templates);
    return { ids: modeler.get('elementTemplates').getAll().map((t) => t.id), errors: [...templateErrors] };
  },

  /** Applies a template to an element, selects it (the properties panel shows the template's fields) and lints. */
  async applyTemplate(elementId, templateId) {
    const templates = modeler.get('elementTemplates');
    const element = modeler.get('elementRegistry').get(elementId);
    const drawn = linted();
    const applied = templates.applyTemplate(element, templates.getLatest(templateId)[0] || templates.get(templateId));
    modeler.get('selection').select(applied);
    await drawn;
    const bo = applied.businessObject;
    return {
      id: applied.id,
      type: bo.$type,
      templateId: bo.get('camunda:modelerTemplate'),
      delegateExpression: bo.get('camunda:delegateExpression'),
      reports: await lint()
    };
  },

  /** The lint reports of the diagram as it is now. */
  async lint() {
    return { reports: await lint() };
  },

  /** Gives an element a label, as typing on the canvas does. */
  label(elementId, text) {
    const modeling = modeler.get('modeling');
    modeling.updateLabel(modeler.get('elementRegistry').get(elementId), text);
  },

  /** Selects an element, so that the properties panel shows it. */
  select(elementId) {
    modeler.get('selection').select(modeler.get('elementRegistry').get(elementId));
  },

  /** Selects an element and opens its problems overlay, as hovering its marker does. */
  showProblems(elementId) {
    modeler.get('selection').select(modeler.get('elementRegistry').get(elementId));
    const dropdown = document.querySelector(`.djs-overlays[data-container-id="${elementId}"] .bjsl-dropdown`);
    if (dropdown) {
      dropdown.classList.add('open');
    }
    return !!dropdown;
  },

  /** The model as the modeler writes it (what its deploy dialog would send). */
  async saveXML() {
    return (await modeler.saveXML({ format: true })).xml;
  }
};
