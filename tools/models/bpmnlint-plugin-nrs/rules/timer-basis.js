// Same rule as TimersCarryTheirBasisTest: the documentation of every timer event and user task names
// the basis of its time limit, a numbered legal act or "policy default".
const LEGAL_ACT = /\b(Law|Government Decision|GD|Order|Regulation)\s+(no\.\s*)?\d+\/\d{4}\b/;
const POLICY_DEFAULT = /\bpolicy default\b/i;

function hasTimer(node) {
  return (node.eventDefinitions || []).some((definition) => definition.$instanceOf('bpmn:TimerEventDefinition'));
}

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask') && !(node.$instanceOf('bpmn:Event') && hasTimer(node))) {
      return;
    }
    const named = (node.documentation || []).some((d) => LEGAL_ACT.test(d.text || '') || POLICY_DEFAULT.test(d.text || ''));
    if (!named) {
      reporter.report(node.id, 'Documentation does not name the basis of the time limit (a legal act with its number, or "policy default")');
    }
  }
  return { check };
};
