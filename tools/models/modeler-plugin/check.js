// Loads the built client script the way Modeler does (it reads window.plugins) and lints the broken
// fixtures and every model with the rules it registers: the packed plugin flags what the CLI flags.
//   npm run build && npm run check
const { readFileSync, readdirSync } = require('fs');
const path = require('path');
const { Linter } = require('bpmnlint');
const { BpmnModdle } = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

global.window = {};
require('./dist/client.js');
const registered = window.plugins.filter((plugin) => plugin.type === 'lintRules.bpmn');
if (registered.length !== 1) {
  throw new Error(`expected one lintRules.bpmn plugin, found ${registered.length}`);
}
const { config, resolver } = registered[0].plugin;

const root = path.join(__dirname, '..', '..', '..');
const expected = {
  'misspelt-delegate.bpmn': 'nrs/known-delegate ServiceTask_Notify',
  'unknown-group.bpmn': 'nrs/known-candidate-group UserTask_Assess',
  'missing-form.bpmn': 'nrs/user-task-form UserTask_Assess',
  'timer-without-basis.bpmn': 'nrs/timer-basis TimerEvent_Wait'
};

async function lint(file) {
  const { rootElement } = await new BpmnModdle({ camunda }).fromXML(readFileSync(file, 'utf8'));
  const reports = await new Linter({ config, resolver }).lint(rootElement);
  return Object.entries(reports).flatMap(([rule, found]) => found.map((report) => `${rule} ${report.id}`));
}

(async () => {
  const failures = [];
  for (const [fixture, wanted] of Object.entries(expected)) {
    const flagged = await lint(path.join(root, 'src/test/resources/lint-fixtures', fixture));
    if (flagged.length !== 1 || flagged[0] !== wanted) {
      failures.push(`${fixture}: expected ${wanted}, flagged [${flagged.join(', ')}]`);
    }
  }
  const models = readdirSync(path.join(root, 'processes')).filter((name) => name.endsWith('.bpmn'));
  for (const model of models) {
    const flagged = await lint(path.join(root, 'processes', model));
    if (flagged.length) {
      failures.push(`${model}: ${flagged.join(', ')}`);
    }
  }
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
  console.log(`packed rules: ${Object.keys(expected).length} fixtures flagged as expected, ${models.length} models clean`);
})();
