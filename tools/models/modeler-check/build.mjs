#!/usr/bin/env node
// Builds dist/ (index.html, modeler.js, modeler.css): the .bpmnlintrc of tools/models packed with
// bpmnlint-pack-config (as the Camunda docs pack lint rules for the browser), then bundled with
// camunda-bpmn-js and bpmn-js-bpmnlint by esbuild. Output is build output: not committed, CI builds it.
//   npm ci && npm run build
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { packConfig } = require('bpmnlint-pack-config');
const here = dirname(fileURLToPath(import.meta.url));

mkdirSync(join(here, 'build'), { recursive: true });
mkdirSync(join(here, 'dist'), { recursive: true });
// The rules stay imports in the packed config (rollup treats them as external); esbuild resolves them
// from this folder's node_modules, with vocabulary.json.
const warn = console.warn;
let external = 0;
console.warn = (...args) => (/treating it as an external dependency/.test(String(args[0])) ? external++ : warn(...args));
const { code } = await packConfig(join(here, '..', '.bpmnlintrc'), 'es');
console.warn = warn;
console.log(`packed .bpmnlintrc: ${external} rules and extensions left to esbuild to resolve`);
writeFileSync(join(here, 'build', 'packed-config.mjs'), code);

await build({
  entryPoints: { modeler: join(here, 'src', 'modeler.js') },
  bundle: true,
  format: 'iife',
  minify: true,
  outdir: join(here, 'dist'),
  loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.eot': 'dataurl', '.ttf': 'dataurl' },
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' }
});
copyFileSync(join(here, 'src', 'index.html'), join(here, 'dist', 'index.html'));
console.log('dist/index.html, dist/modeler.js, dist/modeler.css');
