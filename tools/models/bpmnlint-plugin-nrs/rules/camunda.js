// Reading Camunda attributes whether the camunda moddle extension is loaded (Modeler, .bpmnlintrc) or
// not (then they sit in $attrs under their prefix).
function camunda(element, name) {
  if (!element) {
    return undefined;
  }
  const typed = typeof element.get === 'function' ? element.get('camunda:' + name) : undefined;
  if (typed !== undefined && typed !== null) {
    return typed;
  }
  if (element[name] !== undefined) {
    return element[name];
  }
  return element.$attrs ? element.$attrs['camunda:' + name] : undefined;
}

function isExpression(value) {
  const v = String(value).trim();
  return v.startsWith('${') || v.startsWith('#{');
}

// The element itself, its event definitions and, deeply, its extension elements (listeners, mappings).
function withExtensions(element) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object' || found.includes(node)) {
      return;
    }
    found.push(node);
    (node.eventDefinitions || []).forEach(visit);
    if (node.extensionElements) {
      (node.extensionElements.values || []).forEach(visit);
    }
    ['executionListener', 'taskListener'].forEach((key) => (Array.isArray(node[key]) ? node[key] : []).forEach(visit));
    (node.$children || []).forEach(visit);
  };
  visit(element);
  return found;
}

const vocabulary = require('../vocabulary.json');

module.exports = { camunda, isExpression, withExtensions, vocabulary };
