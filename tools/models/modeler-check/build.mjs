#!/usr/bin/env node
// Builds dist/ (index.html, modeler.js, modeler.css): camunda-bpmn-js's Camunda 7 modeler with
// bpmn-js-bpmnlint and the packed .bpmnlintrc of tools/models, bundled by esbuild. The config is packed
// as bpmnlint-loader (webpack) and bpmnlint-pack-config (rollup) pack it — bpmnlint's own compile-config
// turns it into a module that imports every configured rule — here as an esbuild loader, so that the
// rules and vocabulary.json are bundled from this folder's node_modules. dist/ is build output: not
// committed, CI builds it.   npm ci && npm run build
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const compileConfig = require('bpmnlint/lib/support/compile-config');
const here = dirname(fileURLToPath(import.meta.url));

const bpmnlintrc = {
  name: 'bpmnlintrc',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.bpmnlintrc$/ }, async ({ path }) => ({
      contents: await compileConfig(JSON.parse(readFileSync(path, 'utf8'))),
      loader: 'js',
      resolveDir: here
    }));
  }
};

mkdirSync(join(here, 'dist'), { recursive: true });
await build({
  entryPoints: { modeler: join(here, 'src', 'modeler.js') },
  bundle: true,
  format: 'iife',
  minify: true,
  outdir: join(here, 'dist'),
  plugins: [ bpmnlintrc ],
  loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.eot': 'empty', '.ttf': 'dataurl' },
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' }
});
copyFileSync(join(here, 'src', 'index.html'), join(here, 'dist', 'index.html'));
console.log('dist/index.html, dist/modeler.js, dist/modeler.css');
