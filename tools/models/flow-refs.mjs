#!/usr/bin/env node
// Writes each flow node's <bpmn:incoming>/<bpmn:outgoing> references, as Camunda Modeler does.
//   node tools/models/flow-refs.mjs [--check] processes/*.bpmn
// bpmn-moddle reads the model (with the camunda: descriptor) and says which flows enter and leave
// each node; the references are then spliced into the file's own text (incoming before outgoing,
// after documentation/extensionElements, as the BPMN schema orders them), so nothing else changes:
// not the formatting, not the comments. A moddle round trip of the result must equal the original
// plus the references, or the file is left as it was. --check only reports missing references.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const newModdle = () => new BpmnModdle({ camunda });
const local = name => name.slice(name.indexOf(':') + 1);

/** The element tree of the text, with offsets: enough to splice children in, nothing more. */
export function elementTree(text) {
  const markup = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const root = { children: [] }, byId = new Map(), stack = [root];
  for (let m; (m = markup.exec(text));) {
    if (!m[2]) continue;                       // comment, CDATA, declaration
    const top = stack[stack.length - 1];
    if (m[1]) {                                // end tag
      if (top.name !== m[2]) throw new Error(`unbalanced </${m[2]}> at offset ${m.index}`);
      top.end = markup.lastIndex;
      stack.pop();
      continue;
    }
    const el = { name: m[2], start: m.index, tagEnd: markup.lastIndex, selfClosing: !!m[4], children: [], parent: top };
    el.id = m[3].match(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/)?.slice(1).find(v => v !== undefined);
    if (el.id) byId.set(el.id, el);
    top.children.push(el);
    if (el.selfClosing) el.end = el.tagEnd; else stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  return byId;
}

/** The flows each flow node should list, in document order: Map node -> { incoming, outgoing }. */
function expectedRefs(elementsById) {
  const all = Object.values(elementsById);
  const refs = new Map(all.filter(e => e.$instanceOf('bpmn:FlowNode')).map(n => [n, { incoming: [], outgoing: [] }]));
  for (const f of all.filter(e => e.$instanceOf('bpmn:SequenceFlow'))) {
    refs.get(f.sourceRef)?.outgoing.push(f);
    refs.get(f.targetRef)?.incoming.push(f);
  }
  return refs;
}

const indentOf = (text, at) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at).match(/^[ \t]*/)[0];

/** Returns { text, added } with the missing references added; throws on a reference that is wrong. */
export async function addFlowRefs(text) {
  const { elementsById, warnings } = await newModdle().fromXML(text);
  if (warnings.length) throw new Error('cannot read the model:\n  ' + warnings.map(w => w.message).join('\n  '));
  const tree = elementTree(text);
  const unit = (text.match(/\n([ \t]+)<(?:[\w.-]+:)?process\b/) || [, '  '])[1];
  const edits = [];   // { at, insert } or { at, until, insert }
  let added = 0;
  for (const [node, want] of expectedRefs(elementsById)) {
    const el = tree.get(node.id);
    const missing = {};
    for (const kind of ['incoming', 'outgoing']) {
      const have = node[kind] || [];
      const wrong = have.filter(f => !want[kind].includes(f));
      if (wrong.length) throw new Error(`${node.id} lists ${kind} ${wrong.map(f => f.id).join(', ')}, which does not ${kind === 'incoming' ? 'enter' : 'leave'} it`);
      missing[kind] = want[kind].filter(f => !have.includes(f));
      added += missing[kind].length;
    }
    if (!missing.incoming.length && !missing.outgoing.length) continue;
    const prefix = el.name.includes(':') ? el.name.slice(0, el.name.indexOf(':') + 1) : '';
    const inner = indentOf(text, el.start) + unit;
    const lines = (kind, flows) => flows.map(f => `\n${inner}<${prefix}${kind}>${f.id}</${prefix}${kind}>`).join('');
    const last = names => el.children.filter(c => names.includes(local(c.name))).pop();
    if (el.selfClosing) {
      const close = text.slice(el.start, el.tagEnd).match(/\s*\/>$/);
      edits.push({ at: el.tagEnd - close[0].length, until: el.tagEnd,
        insert: `>${lines('incoming', missing.incoming)}${lines('outgoing', missing.outgoing)}\n${indentOf(text, el.start)}</${el.name}>` });
      continue;
    }
    const head = last(['documentation', 'extensionElements'])?.end ?? el.tagEnd;
    const afterIncoming = last(['incoming'])?.end ?? head;
    const afterOutgoing = last(['outgoing'])?.end ?? afterIncoming;
    if (afterOutgoing === afterIncoming) {
      edits.push({ at: afterIncoming, insert: lines('incoming', missing.incoming) + lines('outgoing', missing.outgoing) });
    } else {
      edits.push({ at: afterIncoming, insert: lines('incoming', missing.incoming) });
      edits.push({ at: afterOutgoing, insert: lines('outgoing', missing.outgoing) });
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.until ?? e.at);
  if (added) await sameButRefs(text, out);
  return { text: out, added };
}

/** Fails unless `after` reads as `before` with the expected references set, and nothing else. */
export async function sameButRefs(before, after) {
  const a = await newModdle().fromXML(before), b = await newModdle().fromXML(after);
  if (b.warnings.length) throw new Error('the result does not read cleanly: ' + b.warnings.map(w => w.message).join('; '));
  for (const [node, want] of expectedRefs(a.elementsById)) { node.incoming = want.incoming; node.outgoing = want.outgoing; }
  const write = async parsed => (await newModdle().toXML(parsed.rootElement, { format: true })).xml;
  if (await write(a) !== await write(b)) throw new Error('the result differs from the original in more than the references; file left unchanged');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2), check = args.includes('--check'), files = args.filter(a => a !== '--check');
  if (!files.length) {
    console.error('usage: node tools/models/flow-refs.mjs [--check] file.bpmn [more files]');
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    try {
      const { text, added } = await addFlowRefs(readFileSync(file, 'utf8'));
      if (added && check) { console.error(`${file}: ${added} incoming/outgoing references missing`); failed++; continue; }
      if (added) writeFileSync(file, text);
      console.log(`${file}: ${added ? `added ${added} references` : 'complete'}`);
    } catch (e) { console.error(`${file}: ${e.message}`); failed++; }
  }
  process.exit(failed ? 1 : 0);
}
