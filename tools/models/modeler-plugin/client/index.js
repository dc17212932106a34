// Replaces Modeler's lint rules for Camunda 7 diagrams with bpmnlint's recommended rules plus the
// platform's own (bpmnlint-plugin-nrs), packed at build time by bpmnlint-loader.
import { registerClientPlugin } from 'camunda-modeler-plugin-helpers';

import rules from './.bpmnlintrc';

registerClientPlugin(rules, 'lintRules.bpmn');
