#!/usr/bin/env node
// Lints the broken fixture models (src/test/resources/lint-fixtures/) with the same .bpmnlintrc as
// `npm run lint`, checks that each is flagged by the platform's rule on the element it breaks, and
// writes what was flagged to target/lint-fixtures.json, where LintFixturesTest compares it with what
// the revision gate refuses.   node tools/models/lint-fixtures.mjs
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const fixtures = join(root, 'src', 'test', 'resources', 'lint-fixtures');

/** Fixture file -> [rule, element id] the plugin must flag (and nothing else). */
const EXPECTED = {
  'misspelt-delegate.bpmn': ['nrs/known-delegate', 'ServiceTask_Notify'],
  'unknown-group.bpmn': ['nrs/known-candidate-group', 'UserTask_Assess'],
  'missing-form.bpmn': ['nrs/user-task-form', 'UserTask_Assess'],
  'timer-without-basis.bpmn': ['nrs/timer-basis', 'TimerEvent_Wait'],
};

const config = JSON.parse(readFileSync(join(here, '.bpmnlintrc'), 'utf8'));
const extensions = {};
for (const [prefix, path] of Object.entries(config.moddleExtensions || {})) {
  extensions[prefix] = require(path);
}
const moddle = new BpmnModdle(extensions);

const results = {};
const failures = [];
for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.bpmn')).sort()) {
  const { rootElement } = await moddle.fromXML(readFileSync(join(fixtures, file), 'utf8'));
  // A linter per file: some recommended rules keep state between runs.
  const reports = await new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);
  results[file] = Object.entries(reports).flatMap(([rule, found]) =>
    found.map((report) => ({ rule, id: report.id, message: report.message, category: report.category })));
  const expected = EXPECTED[file];
  const flagged = results[file].map((r) => `${r.rule} ${r.id}`);
  if (!expected) {
    failures.push(`${file}: no expectation in lint-fixtures.mjs`);
  } else if (flagged.length !== 1 || flagged[0] !== expected.join(' ')) {
    failures.push(`${file}: expected only ${expected.join(' ')}, flagged [${flagged.join(', ')}]`);
  } else {
    console.log(`${file}: ${expected[1]} flagged by ${expected[0]}`);
  }
}
for (const file of Object.keys(EXPECTED).filter((name) => !(name in results))) {
  failures.push(`${file}: fixture missing`);
}

mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'lint-fixtures.json'), JSON.stringify(results, null, 2) + '\n');
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
