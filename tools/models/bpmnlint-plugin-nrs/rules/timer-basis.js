const { vocabulary } = require('./camunda');

// The gate's rule (md.nrs.referral.models.TimerBasisRule): the documentation of every timer event names
// the basis of its time limit. The patterns come from vocabulary.json, which the platform writes.
const bases = vocabulary.timerBasis.map(({ pattern, ignoreCase }) => new RegExp(pattern, ignoreCase ? 'i' : ''));

function hasTimer(node) {
  return (node.eventDefinitions || []).some((definition) => definition.$instanceOf('bpmn:TimerEventDefinition'));
}

function namesABasis(node) {
  return (node.documentation || []).some((d) => bases.some((basis) => basis.test(d.text || '')));
}

module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf('bpmn:Event') && hasTimer(node) && !namesABasis(node)) {
      reporter.report(node.id, 'Timer documentation does not name the basis of its time limit (a legal act with its number, or "policy default")');
    }
  }
  return { check };
};

module.exports.namesABasis = namesABasis;
