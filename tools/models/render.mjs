#!/usr/bin/env node
// Renders BPMN and DMN files to PNG exactly as bpmn-js / dmn-js draw them, in headless Chromium.
//   node tools/models/render.mjs <out-dir> processes/*.bpmn processes/*.dmn
// BPMN: <out-dir>/<name>.png. DMN: <out-dir>/<name>.<decision-id>.png for each decision, and
// <out-dir>/<name>.png for the decision requirements diagram when the file has several decisions.
// Exits 1 if bpmn-js or dmn-js report any import error or warning.
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const lib = p => fileURLToPath(new URL(`node_modules/${p}`, import.meta.url));
const MARGIN = 30, MAX_W = 4000, MAX_H = 3000; // px; larger diagrams are scaled down to fit

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || !files.length) {
  console.error('usage: node tools/models/render.mjs <out-dir> file.bpmn|file.dmn [more files]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run']
});
let failed = 0;
try {
  for (const file of files) {
    const page = await browser.newPage({ viewport: { width: 1800, height: 900 } });
    try {
      const written = extname(file) === '.dmn' ? await renderDmn(page, file) : await renderBpmn(page, file);
      console.log(`${file}: ${written.join(', ')}`);
    } catch (e) {
      console.error(`${file}: ${e.message}`);
      failed++;
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

async function setUp(page, script, styles) {
  await page.route('**/*', route => route.abort()); // the page needs nothing from outside
  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff">' +
    '<div id="canvas" style="width:100vw;height:100vh"></div></body></html>');
  for (const s of styles) await page.addStyleTag({ path: lib(s) });
  await page.addScriptTag({ path: lib(script) });
}

/** Turns import errors and warnings into one thrown error, with each message on its own line. */
function failOn(result) {
  const problems = [result.error, ...(result.warnings || [])].filter(Boolean);
  if (problems.length) throw new Error('import problems:\n  ' + problems.join('\n  '));
}

async function renderBpmn(page, file) {
  await setUp(page, 'bpmn-js/dist/bpmn-viewer.production.min.js',
    ['bpmn-js/dist/assets/diagram-js.css', 'bpmn-js/dist/assets/bpmn-js.css']);
  const result = await page.evaluate(async xml => {
    window.viewer = new window.BpmnJS({ container: '#canvas' });
    try {
      const { warnings } = await window.viewer.importXML(xml);
      return { warnings: warnings.map(w => w.message), inner: window.viewer.get('canvas').viewbox().inner };
    } catch (e) {
      return { error: e.message, warnings: (e.warnings || []).map(w => w.message) };
    }
  }, readFileSync(file, 'utf8'));
  failOn(result);
  const out = join(outDir, basename(file, extname(file)) + '.png');
  await shootCanvas(page, 'viewer', 0, out);
  return [out];
}

/** Sizes the page to the diagram plus margins (room below for the bpmn.io logo, `top` px above for
 *  overlays), so text is drawn at its natural size; scales down only diagrams larger than MAX_W x MAX_H. */
async function shootCanvas(page, viewerExpr, top, out) {
  const size = await page.evaluate(({ viewerExpr, top, M, MAX_W, MAX_H }) => {
    const viewer = viewerExpr === 'viewer' ? window.viewer : window.viewer.getActiveViewer();
    const { x, y, width, height } = viewer.get('canvas').viewbox().inner;
    const scale = Math.min(1, (MAX_W - 2 * M) / width, (MAX_H - 2 * M - 40 - top) / height);
    window.frame = { x: x - M / scale, y: y - (M + top) / scale, scale, viewer };
    return { width: Math.ceil(width * scale + 2 * M), height: Math.ceil(height * scale + 2 * M + 40 + top) };
  }, { viewerExpr, top, M: MARGIN, MAX_W, MAX_H });
  await page.setViewportSize(size);
  await page.evaluate(({ width, height }) => {
    const { x, y, scale, viewer } = window.frame, canvas = viewer.get('canvas');
    canvas.resized();
    canvas.viewbox({ x, y, width: width / scale, height: height / scale });
  }, size);
  await page.screenshot({ path: out });
}

async function renderDmn(page, file) {
  await setUp(page, 'dmn-js/dist/dmn-viewer.production.min.js', ['dmn-js/dist/assets/diagram-js.css',
    'dmn-js/dist/assets/dmn-js-shared.css', 'dmn-js/dist/assets/dmn-js-drd.css',
    'dmn-js/dist/assets/dmn-js-decision-table.css', 'dmn-js/dist/assets/dmn-js-literal-expression.css',
    'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css']);
  const result = await page.evaluate(async xml => {
    window.viewer = new window.DmnJS({ container: '#canvas' });
    try {
      const { warnings } = await window.viewer.importXML(xml);
      return { warnings: warnings.map(w => w.message),
        views: window.viewer.getViews().map(v => ({ type: v.type, id: v.element.id })) };
    } catch (e) {
      return { error: e.message, warnings: (e.warnings || []).map(w => w.message) };
    }
  }, readFileSync(file, 'utf8'));
  failOn(result);
  const name = basename(file, extname(file)), written = [];
  const decisions = result.views.filter(v => v.type !== 'drd');
  // A requirements diagram of one decision shows only its name box: drawn only when it relates several.
  const drd = decisions.length > 1 ? result.views.find(v => v.type === 'drd') : undefined;
  for (const view of drd ? [drd, ...decisions] : decisions) {
    const out = join(outDir, view === drd ? `${name}.png` : `${name}.${view.id}.png`);
    await page.setViewportSize({ width: 1800, height: 900 });
    await page.evaluate(async ({ type, id }) => {
      await window.viewer.open(window.viewer.getViews().find(v => v.type === type && v.element.id === id));
    }, view);
    if (view.type === 'drd') {
      await shootCanvas(page, 'active', 90, out); // 90 px: the definitions' name box at the top left
    } else {
      // tables and literal expressions are HTML: let the page grow to the content, then shoot it,
      // with room at the bottom for the bpmn.io logo (dmn-js puts it in the bottom right corner)
      await page.addStyleTag({ content: '#canvas { display: inline-block; width: auto !important; height: auto !important; padding: 20px }' +
        '.dmn-js-parent, .dmn-js-parent > div, .tjs-container { height: auto !important }' +
        '.dmn-js-parent { width: max-content !important } .dmn-js-parent > div { padding-bottom: 45px }' });
      const box = await page.locator('#canvas').boundingBox();
      await page.setViewportSize({ width: Math.max(400, Math.ceil(box.width)), height: Math.ceil(box.height) });
      await page.locator('#canvas').screenshot({ path: out });
    }
    written.push(out);
  }
  return written;
}
