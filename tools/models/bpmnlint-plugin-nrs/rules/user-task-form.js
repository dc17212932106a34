const { camunda, isExpression, vocabulary } = require('./camunda');

const forms = new Set(vocabulary.forms);

// Every user task opens one of the platform's forms, referenced by its id (camunda:formRef).
module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) {
      return;
    }
    const formRef = camunda(node, 'formRef');
    const formKey = camunda(node, 'formKey');
    if (formKey && String(formKey).startsWith('camunda-forms:')) {
      reporter.report(node.id, 'Form referenced by deployment path; use camunda:formRef with the form id');
    } else if (!formRef) {
      reporter.report(node.id, 'User task has no form (camunda:formRef)');
    } else if (!isExpression(formRef) && !forms.has(formRef)) {
      reporter.report(node.id, `Form <${formRef}> is not one of the platform's forms`);
    }
  }
  return { check };
};
