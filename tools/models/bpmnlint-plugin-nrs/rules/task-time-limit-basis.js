const { namesABasis } = require('./timer-basis');

// A user task's due date (from sla-durations.dmn or its own) is a time limit too: its documentation names
// the basis, with the same patterns as timers. The gate does not refuse a task without it (test and
// fixture tasks carry no time limit), so this is a warning; `npm run lint` allows no warnings on processes/.
module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf('bpmn:UserTask') && !namesABasis(node)) {
      reporter.report(node.id, 'Documentation does not name the basis of the task\'s time limit (a legal act with its number, or "policy default")');
    }
  }
  return { check };
};
