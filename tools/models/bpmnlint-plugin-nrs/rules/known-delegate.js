const { camunda, withExtensions, vocabulary } = require('./camunda');

// Same as the gate: a delegate expression is exactly ${name} of a platform delegate; no Java classes.
const SIMPLE_BEAN = /^\s*\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*}\s*$/;
const delegates = new Set(vocabulary.delegates);

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:FlowElement') && !node.$instanceOf('bpmn:Process')) {
      return;
    }
    for (const part of withExtensions(node)) {
      if (part !== node && part.$instanceOf && part.$instanceOf('bpmn:FlowElement')) {
        continue;
      }
      for (const attribute of ['delegateExpression', 'variableMappingDelegateExpression']) {
        const expression = camunda(part, attribute);
        if (expression === undefined || expression === null) {
          continue;
        }
        const bean = SIMPLE_BEAN.exec(expression);
        if (!bean) {
          reporter.report(node.id, 'Delegate expression must name a platform delegate as ${delegateName}');
        } else if (!delegates.has(bean[1])) {
          reporter.report(node.id, `Delegate <${bean[1]}> is not one of the platform's delegates — check the spelling`);
        }
      }
      for (const attribute of ['class', 'variableMappingClass']) {
        if (camunda(part, attribute)) {
          reporter.report(node.id, 'Models may not name Java classes; use a delegate expression ${delegateName}');
        }
      }
    }
  }
  return { check };
};
