#!/usr/bin/env node
// Puts a converging exclusive gateway in front of a flow node that several flows enter (bpmnlint's
// fake-join), as a Modeler user would:
//   node tools/models/join-gateway.mjs processes/foo.bpmn NodeId [more ids]
// The flows keep their ids and now end at Gateway_Join<Name>; Flow_Join<Name> leads on to the node.
// The node itself keeps its id, so running cases waiting there are unaffected. The gateway is drawn
// just left of the node, on its middle line, in 100 px of room made as Modeler's space tool does
// (what lies right of the node moves right, boxes across the line widen); flows that came in from
// above or below come into the gateway's top or bottom instead. Nothing else in the file changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { elementTree } from './flow-refs.mjs';

const ROOM = 100;
const bounds = s => Object.fromEntries([...s.matchAll(/\b(x|y|width|height)="(-?[\d.]+)"/g)].map(m => [m[1], +m[2]]));

/** Moves every DI point right of `line` by ROOM; labels go with their shape; boxes across it widen. */
function makeRoom(text, line) {
  const num = (s, attr, f) => s.replace(new RegExp(`\\b${attr}="(-?[\\d.]+)"`), (m, v) => `${attr}="${f(+v)}"`);
  const shift = s => num(s, 'x', v => v + ROOM);
  return text.replace(/<bpmndi:BPMN(Shape|Edge)\b[\s\S]*?<\/bpmndi:BPMN\1>|<bpmndi:BPMNShape\b[^>]*\/>/g, block => {
    const label = block.match(/<bpmndi:BPMNLabel>[\s\S]*?<\/bpmndi:BPMNLabel>/)?.[0];
    let rest = label ? block.replace(label, '\u0000') : block;
    let moved = false;
    rest = rest.replace(/<dc:Bounds[^>]*>/, b => {
      const r = bounds(b);
      if (r.x >= line) { moved = true; return shift(b); }
      return r.x + r.width > line ? num(b, 'width', v => v + ROOM) : b;
    });
    rest = rest.replace(/<di:waypoint[^>]*>/g, w => (bounds(w).x >= line ? shift(w) : w));
    if (!label) return rest;
    const lb = bounds(label.match(/<dc:Bounds[^>]*>/)[0]);
    const go = /BPMNShape/.test(block.slice(0, 20)) ? moved : lb.x + lb.width / 2 >= line;
    return rest.replace('\u0000', () => (go ? label.replace(/<dc:Bounds[^>]*>/, shift) : label));
  });
}

function addJoin(text, nodeId) {
  {
    const s = text.match(new RegExp(`<bpmndi:BPMNShape\\b[^>]*bpmnElement="${nodeId}"[^>]*>\\s*<dc:Bounds[^>]*>`));
    if (s) text = makeRoom(text, bounds(s[0].slice(s[0].indexOf('<dc:Bounds'))).x);
  }
  const tree = elementTree(text);
  const node = tree.get(nodeId);
  if (!node) throw new Error(`no element ${nodeId}`);
  const name = nodeId.replace(/^[A-Za-z]+_/, ''), gw = `Gateway_Join${name}`, flow = `Flow_Join${name}`;
  if (tree.has(gw) || tree.has(flow)) throw new Error(`${gw} or ${flow} exists already`);
  const p = node.name.slice(0, node.name.indexOf(':') + 1);
  const incoming = [...tree.values()].filter(e => e.name.endsWith('sequenceFlow') &&
    new RegExp(`\\stargetRef="${nodeId}"`).test(text.slice(e.start, e.tagEnd)));
  if (incoming.length < 2) throw new Error(`${nodeId} has ${incoming.length} incoming flow(s): nothing to join`);
  const ids = incoming.map(f => f.id);
  const indent = text.slice(text.lastIndexOf('\n', node.start) + 1, node.start);
  const refLine = /\n[ \t]*<[\w.-]*:?incoming>([^<]*)<\/[\w.-]*:?incoming>/g;

  // DI: the node's shape, the gateway left of it, the flows' ends moved onto the gateway
  const shapeRe = new RegExp(`<bpmndi:BPMNShape\\b[^>]*bpmnElement="${nodeId}"[^>]*>\\s*<dc:Bounds[^>]*>`);
  const shape = text.match(shapeRe);
  if (!shape) throw new Error(`${nodeId} has no shape`);
  const b = bounds(shape[0].slice(shape[0].indexOf('<dc:Bounds')));
  const cy = b.y + b.height / 2, gx = b.x - 80, gcx = gx + 25;
  const edits = [];   // [start, end, replacement]
  for (const id of ids) {
    const edge = text.match(new RegExp(`<bpmndi:BPMNEdge\\b[^>]*bpmnElement="${id}"[^>]*>[\\s\\S]*?</bpmndi:BPMNEdge>`));
    const wps = [...edge[0].matchAll(/<di:waypoint x="(-?[\d.]+)" y="(-?[\d.]+)"\s*\/>/g)];
    const pts = wps.map(m => ({ x: +m[1], y: +m[2] }));
    const last = pts[pts.length - 1], prev = pts[pts.length - 2], pp = pts[pts.length - 3];
    const side = y => (y < cy ? cy - 25 : cy + 25);   // the gateway's top or bottom corner
    if (prev.x === last.x && last.y !== cy) {          // came in from above or below
      if (pp && pp.y === prev.y) { prev.x = last.x = gcx; last.y = side(last.y); }
      else {                                           // a straight drop: jog across to the gateway
        const midY = (prev.y + side(last.y)) / 2;
        pts.splice(pts.length - 1, 1, { x: prev.x, y: midY }, { x: gcx, y: midY }, { x: gcx, y: side(last.y) });
      }
    } else if (pp && pp.x === prev.x && prev.y === last.y && pp.y !== cy && pts[pts.length - 4]?.y === pp.y) {
      pts.splice(pts.length - 3, 3, { x: gcx, y: pp.y }, { x: gcx, y: side(pp.y) });   // up or down into a corner
    } else {                                            // came in from the left
      last.x = gx; last.y = cy;
      if (prev.y !== cy) pts.splice(pts.length - 1, 0, { x: prev.x, y: cy });
    }
    let xml = edge[0].replace(/(\s*<di:waypoint[^>]*\/>)+/, m => {
      const ind = m.match(/^\s*/)[0];
      return pts.map(q => `${ind}<di:waypoint x="${q.x}" y="${q.y}" />`).join('');
    });
    edits.push([edge.index, edge.index + edge[0].length, xml]);
  }
  const shapeIndent = text.slice(text.lastIndexOf('\n', shape.index) + 1, shape.index);
  const diGw = `<bpmndi:BPMNShape id="${gw}_di" bpmnElement="${gw}" isMarkerVisible="true">\n${shapeIndent}  <dc:Bounds x="${gx}" y="${cy - 25}" width="50" height="50" />\n${shapeIndent}</bpmndi:BPMNShape>\n${shapeIndent}` +
    `<bpmndi:BPMNEdge id="${flow}_di" bpmnElement="${flow}">\n${shapeIndent}  <di:waypoint x="${gx + 50}" y="${cy}" />\n${shapeIndent}  <di:waypoint x="${b.x}" y="${cy}" />\n${shapeIndent}</bpmndi:BPMNEdge>\n${shapeIndent}`;
  edits.push([shape.index, shape.index, diGw]);

  // semantics: the gateway before the node, the flows retargeted, the new flow after the last of them
  const inner = indent + '  ';
  edits.push([node.start, node.start, `<${p}exclusiveGateway id="${gw}">\n` +
    ids.map(id => `${inner}<${p}incoming>${id}</${p}incoming>\n`).join('') +
    `${inner}<${p}outgoing>${flow}</${p}outgoing>\n${indent}</${p}exclusiveGateway>\n${indent}`]);
  const body = text.slice(node.tagEnd, node.end);
  const refs = [...body.matchAll(refLine)].filter(m => ids.includes(m[1]));
  if (refs.length !== ids.length) throw new Error(`${nodeId} does not list all its incoming flows (run flow-refs.mjs first)`);
  refs.forEach((m, i) => edits.push([node.tagEnd + m.index, node.tagEnd + m.index + m[0].length,
    i ? '' : `\n${inner}<${p}incoming>${flow}</${p}incoming>`]));
  for (const f of incoming) {
    const tag = text.slice(f.start, f.tagEnd);
    edits.push([f.start, f.tagEnd, tag.replace(`targetRef="${nodeId}"`, `targetRef="${gw}"`)]);
  }
  const lastFlow = incoming.reduce((a, f) => (f.end > a.end ? f : a));
  const flowIndent = text.slice(text.lastIndexOf('\n', lastFlow.start) + 1, lastFlow.start);
  edits.push([lastFlow.end, lastFlow.end, `\n${flowIndent}<${p}sequenceFlow id="${flow}" sourceRef="${gw}" targetRef="${nodeId}"/>`]);

  edits.sort((a, c) => c[0] - a[0] || c[1] - a[1]);
  for (const [s, e, r] of edits) text = text.slice(0, s) + r + text.slice(e);
  return text;
}

const [file, ...ids] = process.argv.slice(2);
if (!file || !ids.length) { console.error('usage: node tools/models/join-gateway.mjs file.bpmn NodeId [more ids]'); process.exit(2); }
let text = readFileSync(file, 'utf8');
for (const id of ids) { text = addJoin(text, id); console.log(`${file}: ${id} joined by Gateway_Join${id.replace(/^[A-Za-z]+_/, '')}`); }
writeFileSync(file, text);
