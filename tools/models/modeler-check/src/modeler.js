// The platform's models in bpmn-js's Camunda 7 modeler (camunda-bpmn-js) with the properties panel, the
// element templates and bpmn-js-bpmnlint running the packed .bpmnlintrc (bpmnlint recommended and
// bpmnlint-plugin-nrs), as Camunda Modeler's problems panel runs them. ModelerInTheBrowserTest drives the
// page through window.nrsModeler.
import BpmnModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import packedConfig from '../../.bpmnlintrc';

import 'camunda-bpmn-js/dist/assets/camunda-platform-modeler.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

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
    modeler.get('canvas').zoom('fit-viewport');
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

  /** Selects an element, so that the properties panel shows it. */
  select(elementId) {
    modeler.get('selection').select(modeler.get('elementRegistry').get(elementId));
  },

  /** Opens the problem overlay of an element, as a click on its marker does. */
  showProblems(elementId) {
    const marker = document.querySelector(`.djs-overlay[data-container-id="${elementId}"] .bjsl-overlay`);
    if (marker) {
      marker.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      marker.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    return !!marker;
  },

  /** The model as the modeler writes it (what its deploy dialog would send). */
  async saveXML() {
    return (await modeler.saveXML({ format: true })).xml;
  }
};
