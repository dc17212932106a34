const { camunda, isExpression, vocabulary } = require('./camunda');

const groups = new Set(vocabulary.candidateGroups);

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) {
      return;
    }
    const candidateGroups = camunda(node, 'candidateGroups');
    if (!candidateGroups || isExpression(candidateGroups)) {
      return;
    }
    for (const group of String(candidateGroups).split(',').map((g) => g.trim()).filter(Boolean)) {
      if (!groups.has(group)) {
        reporter.report(node.id, `Candidate group <${group}> is not an agency, team or role of the directory`);
      }
    }
  }
  return { check };
};
