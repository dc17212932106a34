const { camunda } = require('./camunda');

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process') || !node.isExecutable) {
      return;
    }
    const ttl = camunda(node, 'historyTimeToLive');
    if (ttl === undefined || ttl === null || String(ttl).trim() === '') {
      reporter.report(node.id, 'Process has no history time-to-live (camunda:historyTimeToLive)');
    }
  }
  return { check };
};
