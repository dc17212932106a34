#!/usr/bin/env node
// Adds diagram interchange (DI, the layout) to BPMN files that have none, left to right.
//   node tools/models/layout.mjs [--force] processes/foo.bpmn [more files]
// bpmn-auto-layout places the flow nodes of one process level on a grid; this script lays out
// every (event) sub-process level with it separately, expands sub-processes in place, puts event
// sub-processes below the main flow, routes boundary-event flows and places labels itself.
// The file's own text is kept byte for byte: only a new bpmndi:BPMNDiagram (and the xmlns
// declarations it needs) is spliced in, so camunda: attributes, extension elements and comments stay,
// plus the nodes' bpmn:incoming/outgoing references (flow-refs.mjs) that Modeler writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import { addFlowRefs } from './flow-refs.mjs';

const CELL_W = 150, CELL_H = 140;   // bpmn-auto-layout's grid cell
const GAP_X = 40, GAP_Y = 20;       // extra room added between grid columns/rows, for labels
const PAD = 20, TITLE = 30;         // padding inside expanded sub-process boxes (title on top)
const NS = {
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI'
};

const is = (el, type) => el.$instanceOf(type);
const isEventSub = el => is(el, 'bpmn:SubProcess') && el.triggeredByEvent;
const hasContent = el => is(el, 'bpmn:SubProcess') && (el.flowElements || []).some(f => is(f, 'bpmn:FlowNode'));
const right = b => b.x + b.width, bottom = b => b.y + b.height;
const mid = b => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const overlaps = (a, b, m = 0) => a.x < right(b) + m && b.x < right(a) + m && a.y < bottom(b) + m && b.y < bottom(a) + m;

// ---------------------------------------------------------------- one process level

/** Lays out the flow nodes directly inside `container` (a process or sub-process); coordinates
 *  are relative. Returns { shapes: Map id -> bounds, edges: Map id -> waypoints, labels: Map id -> bounds }. */
async function layoutLevel(container) {
  const elements = container.flowElements || [];
  const nodes = elements.filter(e => is(e, 'bpmn:FlowNode'));
  const main = nodes.filter(n => !isEventSub(n));
  const flows = elements.filter(e => is(e, 'bpmn:SequenceFlow'));
  const out = { shapes: new Map(), edges: new Map(), labels: new Map(), containers: new Set() };
  if (main.length) await gridLayout(main, flows, out);

  // Expanded sub-processes: lay out their content first, then widen the grid column/row they sit in.
  const inner = new Map();
  for (const sub of main.filter(hasContent)) inner.set(sub, await layoutLevel(sub));
  const colGrow = new Map(), rowGrow = new Map();
  for (const [sub, lay] of inner) {
    const b = out.shapes.get(sub.id), box = boxSize(lay);
    const col = Math.floor(b.x / CELL_W), row = Math.floor(b.y / CELL_H);
    colGrow.set(col, Math.max(colGrow.get(col) || 0, box.width - b.width));
    // the box's content starts level with the cell's top (see dy below) and it ends PAD below that
    rowGrow.set(row, Math.max(rowGrow.get(row) || 0, bottom(lay.bbox) + PAD - (bottom(b) - row * CELL_H)));
  }
  stretch(out, colGrow, rowGrow);
  for (const [sub, lay] of inner) {
    const b = out.shapes.get(sub.id), old = { ...b }, box = boxSize(lay);
    const dy = mid(old).y - 70; // inner row 0 (y = 70 in the library's grid) level with the flow into the box
    Object.assign(b, { y: lay.bbox.y + dy - TITLE, ...box });
    place(out, lay, b.x + PAD - lay.bbox.x, dy);
    out.containers.add(sub.id);
    redock(out, flows.filter(f => f.sourceRef === sub), old, b, 0);
    redock(out, flows.filter(f => f.targetRef === sub), old, b, -1);
  }

  // Boundary events: on the bottom edge of their host, flows routed down, then right.
  const hosts = new Map();
  for (const ev of main.filter(n => n.attachedToRef)) hosts.set(ev.attachedToRef, [...(hosts.get(ev.attachedToRef) || []), ev]);
  for (const [host, evs] of hosts) {
    const hb = out.shapes.get(host.id);
    // centred if alone, else spread from 20 px in from either corner so that they do not touch
    const cx = i => evs.length === 1 ? hb.width / 2 : 20 + i * (hb.width - 40) / (evs.length - 1);
    evs.forEach((ev, i) => Object.assign(out.shapes.get(ev.id), { x: Math.round(hb.x + cx(i) - 18), y: bottom(hb) - 18 }));
  }
  for (const f of flows.filter(f => f.sourceRef.attachedToRef)) routeFromBoundary(out, f);

  for (const f of flows) out.edges.set(f.id, simplify(out.edges.get(f.id)));
  placeLabels(out, main, flows);

  // Event sub-processes: expanded boxes in a row below everything else.
  const below = main.length ? bottom(bbox(out)) + 40 : 0;
  let x = main.length ? bbox(out).x : 0;
  for (const sub of nodes.filter(isEventSub)) {
    const lay = await layoutLevel(sub), box = boxSize(lay);
    out.shapes.set(sub.id, { x, y: below, ...box });
    out.containers.add(sub.id);
    place(out, lay, x + PAD - lay.bbox.x, below + TITLE - lay.bbox.y);
    x += box.width + 40;
  }
  return out;
}

/** Grid layout of one level's flow nodes, in bpmn-auto-layout's coordinates. A boundary event's
 *  branch that never rejoins the flow is laid out on its own and put in new rows right below its
 *  host: left in, the library shifts it along a row that other branches fill later. */
async function gridLayout(nodes, flows, out) {
  const ids = new Set(nodes.map(n => n.id));
  const own = flows.filter(f => ids.has(f.sourceRef.id) && ids.has(f.targetRef.id));
  const branches = nodes.filter(n => n.attachedToRef).flatMap(ev => own.filter(f => f.sourceRef === ev))
    .map(f => ({ flow: f, set: closedBranch(f, nodes, own) })).filter(b => b.set);
  const apart = new Set(branches.flatMap(b => [...b.set]));
  await libraryLayout(nodes.filter(n => !apart.has(n)), own.filter(f => !apart.has(f.targetRef)), out);

  for (const { flow, set } of branches.sort((a, b) => out.shapes.get(a.flow.sourceRef.id).x - out.shapes.get(b.flow.sourceRef.id).x)) {
    const lay = { shapes: new Map(), edges: new Map(), labels: new Map(), containers: new Set() };
    await gridLayout([...set], own, lay);
    const host = out.shapes.get(flow.sourceRef.attachedToRef.id), ev = out.shapes.get(flow.sourceRef.id);
    const b = bbox(lay), rows = Math.ceil(bottom(b) / CELL_H), segs = [...out.edges.values()].flatMap(segments);
    let x = (Math.floor(host.x / CELL_W) + 1) * CELL_W, y;
    const area = top => ({ x: b.x + x - 10, y: b.y + top - 10, width: b.width + 20, height: b.height + 20 });
    const clearDown = to => !crossings(out, [{ x: mid(ev).x, y: bottom(ev) }, { x: mid(ev).x, y: to }],
      new Set([flow.sourceRef.id, flow.sourceRef.attachedToRef.id])).length;
    const insertRows = top => {
      for (const r of [...out.shapes.values(), ...[...out.edges.values()].flat()]) if (r.y > top) r.y += rows * CELL_H;
      y = top;
    };
    // nearest row below the host where the branch fits: into free space, or into new rows opened
    // there if no flow passes down through them; the way down from the event must be free of shapes
    const lastRow = Math.ceil(bottom(bbox(out)) / CELL_H);
    for (let k = Math.floor(host.y / CELL_H) + 1; k <= lastRow && y === undefined; k++) {
      const top = k * CELL_H, a = area(top);
      if (clearDown(top + CELL_H / 2) && ![...out.shapes.values(), ...segs].some(r => overlaps(r, a))) y = top;
      else if (clearDown(top) && !segs.some(s => s.y < top && bottom(s) > top && s.x >= a.x && s.x <= right(a))) insertRows(top);
    }
    if (y === undefined) { // last resort: new rows right below the host, stepping right past flows through them
      insertRows((Math.floor(host.y / CELL_H) + 1) * CELL_H);
      const crossed = () => [...lay.shapes.values()].some(r => [...out.edges.values()].flatMap(segments)
        .some(s => overlaps(s, { ...r, x: r.x + x, y: r.y + y })));
      for (let i = 0; i < 8 && crossed(); i++) x += CELL_W;
    }
    place(out, lay, x, y);
    const t = out.shapes.get(flow.targetRef.id), m = mid(ev);
    out.edges.set(flow.id, [{ x: m.x, y: bottom(ev) }, { x: m.x, y: mid(t).y }, { x: t.x, y: mid(t).y }]);
  }

  // A flow the library brings into a gateway's bottom runs on top of a branch leaving from there:
  // bring it in from the left instead, through the channel before the gateway's column.
  for (const f of own.filter(f => is(f.targetRef, 'bpmn:Gateway'))) {
    const pts = out.edges.get(f.id), g = out.shapes.get(f.targetRef.id), end = pts.at(-1), prev = pts.at(-2);
    const clash = own.some(o => o.sourceRef === f.targetRef && o !== f &&
      out.edges.get(o.id)[0].x === end.x && out.edges.get(o.id)[0].y === end.y);
    const cx = Math.floor(g.x / CELL_W) * CELL_W;
    if (!clash || pts.length < 3 || prev.x !== end.x || pts.at(-3).x >= cx) continue;
    const route = [...pts.slice(0, -2), { x: cx, y: prev.y }, { x: cx, y: mid(g).y }, { x: g.x, y: mid(g).y }];
    if (!crossings(out, route, new Set([f.sourceRef.id, f.targetRef.id])).length) out.edges.set(f.id, route);
  }
}

/** The nodes a boundary event's flow leads to (with the boundary events on them), if none of them
 *  is reached from elsewhere and none leads back into the rest of the flow; otherwise null. */
function closedBranch(flow, nodes, flows) {
  const set = new Set();
  const visit = n => {
    if (set.has(n)) return;
    set.add(n);
    nodes.filter(e => e.attachedToRef === n).forEach(e => set.add(e));
    flows.filter(f => f.sourceRef === n || f.sourceRef.attachedToRef === n).forEach(f => visit(f.targetRef));
  };
  visit(flow.targetRef);
  const closed = !set.has(flow.sourceRef.attachedToRef) &&
    flows.every(f => f === flow || !set.has(f.targetRef) || set.has(f.sourceRef));
  return closed ? set : null;
}

/** Runs bpmn-auto-layout on a stripped copy of the given nodes: bpmn:incoming/outgoing derived from
 *  the sequence flows (the library needs them), sub-processes left empty. */
async function libraryLayout(nodes, own, out) {
  const weight = branchWeights(nodes, own);
  const tag = n => n.$type.replace(/^bpmn:(.)/, (_, c) => c.toLowerCase());
  const refs = (name, list) => list.map(f => `<${name}>${f.id}</${name}>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><process id="p">
${nodes.map(n => `<${tag(n)} id="${n.id}"${n.attachedToRef ? ` attachedToRef="${n.attachedToRef.id}"` : ''}>` +
    refs('incoming', own.filter(f => f.targetRef === n)) +
    // the library draws the first outgoing flow straight on: make that the main path
    refs('outgoing', own.filter(f => f.sourceRef === n).sort((a, b) => weight(b) - weight(a))) +
    `</${tag(n)}>`).join('\n')}
${own.map(f => `<sequenceFlow id="${f.id}" sourceRef="${f.sourceRef.id}" targetRef="${f.targetRef.id}"/>`).join('\n')}
</process></definitions>`;
  const { rootElement } = await new BpmnModdle().fromXML(await layoutProcess(xml));
  for (const di of rootElement.diagrams[0].plane.planeElement) {
    if (di.bounds) out.shapes.set(di.bpmnElement.id, pick(di.bounds));
    else out.edges.set(di.bpmnElement.id, di.waypoint.map(p => ({ x: p.x, y: p.y })));
  }
  const lost = nodes.filter(n => !out.shapes.has(n.id)).map(n => n.id);
  if (lost.length) throw new Error(`bpmn-auto-layout placed no shape for ${lost.join(', ')}`);
}
const pick = b => ({ x: b.x, y: b.y, width: b.width, height: b.height });

/** How many nodes a flow leads to before it comes back to nodes nearer the start: a loop-back or
 *  short exit branch weighs little, the main path much. */
function branchWeights(nodes, flows) {
  const next = n => flows.filter(f => f.sourceRef === n).map(f => f.targetRef);
  const depth = new Map(), queue = nodes.filter(n => !flows.some(f => f.targetRef === n) && !n.attachedToRef);
  queue.forEach(n => depth.set(n, 0));
  for (let i = 0; i < queue.length; i++) {
    for (const t of next(queue[i])) if (!depth.has(t)) { depth.set(t, depth.get(queue[i]) + 1); queue.push(t); }
  }
  return f => {
    const limit = depth.get(f.sourceRef) ?? 0, seen = new Set([f.targetRef]), todo = [f.targetRef];
    while (todo.length) for (const t of next(todo.pop())) {
      if (!seen.has(t) && (depth.get(t) ?? Infinity) > limit) { seen.add(t); todo.push(t); }
    }
    return seen.size;
  };
}

/** Widens the space after every grid column/row by GAP (plus what an expanded sub-process in it
 *  needs). Shapes never straddle a cell border, so they just move; a route running exactly on a
 *  border (the library's channel between cells) ends up in the middle of the gap. */
function stretch(out, colGrow, rowGrow) {
  const box = bbox(out);
  const shift = (v, cell, gap, grow, max) => {
    let d = 0;
    for (let i = 0; (i + 1) * cell <= max; i++) {
      const b = (i + 1) * cell, e = gap + (grow.get(i) || 0);
      if (v > b) d += e; else if (v === b) d += e - gap / 2;
    }
    return v + d;
  };
  const X = v => shift(v, CELL_W, GAP_X, colGrow, right(box)), Y = v => shift(v, CELL_H, GAP_Y, rowGrow, bottom(box));
  for (const b of out.shapes.values()) { b.x = X(b.x); b.y = Y(b.y); }
  for (const pts of out.edges.values()) for (const p of pts) { p.x = X(p.x); p.y = Y(p.y); }
}

/** Moves the end of each flow that docked on the old bounds of a grown shape onto its new border. */
function redock(out, flows, old, now, end) {
  for (const f of flows) {
    const pts = out.edges.get(f.id), p = pts.at(end);
    if (p.x === right(old)) p.x = right(now);
    else if (p.y === bottom(old)) p.y = bottom(now);
    else if (p.y === old.y) p.y = now.y;
  }
}

/** Down from the boundary event, then right into the target, if nothing is in the way; else the
 *  library's route, its start moved to where the event now sits (it moves when its host grew). */
function routeFromBoundary(out, f) {
  const s = out.shapes.get(f.sourceRef.id), t = out.shapes.get(f.targetRef.id);
  const sx = mid(s).x, ty = mid(t).y;
  const pts = [{ x: sx, y: bottom(s) }, { x: sx, y: ty }, { x: t.x, y: ty }];
  if (t.x > sx + 20 && ty > bottom(s) + 10 && !crossings(out, pts, new Set([f.sourceRef.id, f.targetRef.id])).length) {
    return out.edges.set(f.id, pts);
  }
  const old = out.edges.get(f.id);
  if (old.length > 1 && old[1].x === old[0].x) old[1].x = sx;
  old[0] = pts[0];
}

/** Drops repeated points and middle points of straight runs (including the library's back-and-forth spikes). */
function simplify(pts) {
  pts = pts.map(p => ({ x: Math.round(p.x), y: Math.round(p.y) }));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 1; i < pts.length - 1 && pts.length > 2; i++) {
      const [a, b, c] = [pts[i - 1], pts[i], pts[i + 1]];
      if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) { pts.splice(i, 1); changed = true; break; }
    }
  }
  return pts;
}

// ---------------------------------------------------------------- labels

// bpmn-js draws external labels in 11px Arial, wrapped to the width of the label's DI bounds.
function labelSize(text) {
  const lines = [];
  for (const word of text.trim().split(/\s+/)) {
    if (lines.length && (lines.at(-1) + ' ' + word).length * 6 <= 90) lines[lines.length - 1] += ' ' + word;
    else lines.push(word);
  }
  return { width: Math.max(...lines.map(l => l.length * 6)) + 8, height: lines.length * 14 };
}

/** Puts each event, gateway and named flow label at the candidate spot that overlaps the fewest
 *  shapes, labels and flows. */
function placeLabels(out, nodes, flows) {
  const items = [
    ...nodes.filter(n => n.name && (is(n, 'bpmn:Event') || is(n, 'bpmn:Gateway'))).map(n => [n, nodeSpots]),
    ...flows.filter(f => f.name).map(f => [f, flowSpots])
  ];
  for (const [el, spots] of items) {
    const size = labelSize(el.name);
    let best, bestScore = Infinity;
    spots(el, size, out).forEach((c, i) => {
      const r = { ...c, ...size };
      const score = 10 * [...out.shapes].filter(([id, b]) => !out.containers.has(id) && overlaps(r, b, 2)).length
        + 5 * [...out.labels.values()].filter(l => overlaps(r, l, 2)).length
        + 3 * [...out.edges.values()].filter(pts => segments(pts).some(s => overlaps(r, s, 1))).length + i * 0.01;
      if (score < bestScore) { best = r; bestScore = score; }
    });
    out.labels.set(el.id, roundRect(best));
  }
}

function nodeSpots(n, { width: w, height: h }, out) {
  const b = out.shapes.get(n.id), m = mid(b);
  const below = { x: m.x - w / 2, y: bottom(b) + 4 }, above = { x: m.x - w / 2, y: b.y - 4 - h };
  const side = [{ x: right(b) + 4, y: m.y - h / 2 }, { x: b.x - 4 - w, y: m.y - h / 2 }];
  if (n.attachedToRef) return [{ x: m.x + 6, y: bottom(b) + 2 }, { x: m.x - 6 - w, y: bottom(b) + 2 }, below];
  if (is(n, 'bpmn:Gateway')) return [above, below, ...side, { x: right(b) + 2, y: b.y - h }];
  return [below, above, ...side];
}

function flowSpots(f, { width: w, height: h }, out) {
  const spots = [], segs = segments(out.edges.get(f.id));
  for (const s of [...segs.filter(s => s.height === 0), ...segs.filter(s => s.height !== 0)]) {
    if (s.height === 0) spots.push({ x: s.x + 6, y: s.y - 3 - h }, { x: s.x + 6, y: s.y + 3 },
      { x: right(s) - 6 - w, y: s.y - 3 - h });
    else spots.push({ x: s.x + 5, y: s.y + 5 }, { x: s.x - 5 - w, y: s.y + 5 }, { x: s.x + 5, y: bottom(s) - 5 - h });
  }
  return spots;
}

// ---------------------------------------------------------------- geometry helpers

const segments = pts => pts.slice(1).map((p, i) => {
  const q = pts[i];
  return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x), height: Math.abs(p.y - q.y) };
});
const roundRect = r => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });

/** Shapes (not sub-process boxes, not those in `skip`) that a route passes through. */
function crossings(out, pts, skip) {
  return [...out.shapes].filter(([id, b]) => !skip.has(id) && !out.containers.has(id) &&
    segments(pts).some(s => overlaps(s, { x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 })))
    .map(([id]) => id);
}

function bbox({ shapes, edges, labels }) {
  const rects = [...shapes.values(), ...labels.values(), ...[...edges.values()].flatMap(segments)];
  const x = Math.min(...rects.map(r => r.x)), y = Math.min(...rects.map(r => r.y));
  return { x, y, width: Math.max(...rects.map(right)) - x, height: Math.max(...rects.map(bottom)) - y };
}
const boxSize = lay => {
  lay.bbox = bbox(lay);
  return { width: Math.round(lay.bbox.width + 2 * PAD), height: Math.round(lay.bbox.height + TITLE + PAD) };
};

/** Copies an inner level's layout into `out`, moved by (dx, dy). */
function place(out, lay, dx, dy) {
  const move = r => ({ ...r, x: Math.round(r.x + dx), y: Math.round(r.y + dy) });
  for (const [id, b] of lay.shapes) out.shapes.set(id, move(b));
  for (const [id, l] of lay.labels) out.labels.set(id, move(l));
  for (const [id, pts] of lay.edges) out.edges.set(id, pts.map(move));
  for (const id of lay.containers) out.containers.add(id);
}

// ---------------------------------------------------------------- file handling

function diXml(processId, out, els, indent) {
  const i1 = indent, i2 = i1 + '  ', i3 = i2 + '  ', i4 = i3 + '  ';
  const bounds = (b, ind) => `${ind}<dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />`;
  const lines = [`${i1}<bpmndi:BPMNDiagram id="BPMNDiagram_${processId}">`, `${i2}<bpmndi:BPMNPlane id="BPMNPlane_${processId}" bpmnElement="${processId}">`];
  for (const [id, b] of out.shapes) {
    const el = els[id];
    const extra = (out.containers.has(id) ? ' isExpanded="true"' : '') + (is(el, 'bpmn:ExclusiveGateway') ? ' isMarkerVisible="true"' : '');
    lines.push(`${i3}<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}>`, bounds(b, i4));
    if (out.labels.has(id)) lines.push(`${i4}<bpmndi:BPMNLabel>`, bounds(out.labels.get(id), i4 + '  '), `${i4}</bpmndi:BPMNLabel>`);
    lines.push(`${i3}</bpmndi:BPMNShape>`);
  }
  for (const [id, pts] of out.edges) {
    lines.push(`${i3}<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">`, ...pts.map(p => `${i4}<di:waypoint x="${p.x}" y="${p.y}" />`));
    if (out.labels.has(id)) lines.push(`${i4}<bpmndi:BPMNLabel>`, bounds(out.labels.get(id), i4 + '  '), `${i4}</bpmndi:BPMNLabel>`);
    lines.push(`${i3}</bpmndi:BPMNEdge>`);
  }
  lines.push(`${i2}</bpmndi:BPMNPlane>`, `${i1}</bpmndi:BPMNDiagram>`);
  return lines.join('\n');
}

/** Checks the result: every flow node a shape, every sequence flow an edge; warns about overlaps. */
function check(out, els) {
  const all = Object.values(els);
  const missing = all.filter(e => (is(e, 'bpmn:FlowNode') && !out.shapes.has(e.id)) || (is(e, 'bpmn:SequenceFlow') && !out.edges.has(e.id)));
  if (missing.length) throw new Error('no layout for ' + missing.map(e => e.id).join(', '));
  const warn = [];
  const leaf = [...out.shapes].filter(([id]) => !out.containers.has(id));
  leaf.forEach(([a, ba], i) => leaf.slice(i + 1).forEach(([b, bb]) => {
    if (els[a].attachedToRef?.id !== b && els[b].attachedToRef?.id !== a && overlaps(ba, bb)) warn.push(`shapes ${a} and ${b} overlap`);
  }));
  for (const [id, pts] of out.edges) {
    const f = els[id], skip = new Set([f.sourceRef.id, f.targetRef.id, f.sourceRef.attachedToRef?.id, f.targetRef.attachedToRef?.id]);
    for (const s of crossings(out, pts, skip)) warn.push(`flow ${id} crosses ${s}`);
  }
  return warn;
}

async function layoutFile(file, force) {
  let text = readFileSync(file, 'utf8');
  const root = text.match(/<((?:[\w.-]+:)?)definitions\b(?:[^>"']|"[^"]*"|'[^']*')*>/);
  if (!root) throw new Error('no bpmn:definitions element');
  const decl = p => root[0].match(new RegExp(`\\sxmlns:${p}\\s*=\\s*["']([^"']*)["']`))?.[1];
  for (const [p, uri] of Object.entries(NS)) {
    if (decl(p) && decl(p) !== uri) throw new Error(`prefix ${p}: is bound to ${decl(p)}, expected ${uri}`);
  }
  const hasDi = /<(?:[\w.-]+:)?BPMNDiagram\b/.test(text);
  if (hasDi && !force) return console.log(`${file}: has a layout already, skipped (--force lays it out anew)`);
  text = (await addFlowRefs(text)).text;   // as Modeler writes them: each node lists its flows

  const moddle = new BpmnModdle();
  const { rootElement: defs, warnings, elementsById: els } = await moddle.fromXML(text);
  if (warnings.length) throw new Error('cannot read the model:\n  ' + warnings.map(w => w.message).join('\n  '));
  if (defs.rootElements.some(e => is(e, 'bpmn:Collaboration'))) throw new Error('collaborations (pools, message flows) are not supported');
  const procs = defs.rootElements.filter(e => is(e, 'bpmn:Process'));
  if (procs.length !== 1) throw new Error(`expected one process, found ${procs.length}`);

  const out = await layoutLevel(procs[0]);
  // move the diagram near the origin, where modelers expect it
  const b = bbox(out), dx = 150 - b.x, dy = 80 - b.y;
  for (const r of [...out.shapes.values(), ...out.labels.values(), ...[...out.edges.values()].flat()]) { r.x += dx; r.y += dy; }
  const warn = check(out, els);

  const closing = text.lastIndexOf(`</${root[1]}definitions>`);
  let head = text.slice(0, closing).replace(/\s*<((?:[\w.-]+:)?)BPMNDiagram\b[\s\S]*?<\/\1BPMNDiagram>/g, '');
  const indent = (text.match(/\n([ \t]+)<(?:[\w.-]+:)?process\b/) || [, '  '])[1];
  const missingNs = Object.entries(NS).filter(([p]) => !decl(p)).map(([p, uri]) => ` xmlns:${p}="${uri}"`).join('');
  head = head.replace(root[0], () => root[0].replace(/\s*(\/?)>$/, `${missingNs}$1>`));
  writeFileSync(file, `${head.trimEnd()}\n${diXml(procs[0].id, out, els, indent)}\n${text.slice(closing)}`);
  console.log(`${file}: laid out ${out.shapes.size} shapes and ${out.edges.size} flows`);
  for (const w of warn) console.log(`  warning: ${w}`);
  const skipped = Object.values(els).filter(e => ['bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group',
    'bpmn:DataObjectReference', 'bpmn:DataStoreReference'].some(t => is(e, t)));
  if (skipped.length) console.log(`  note: not laid out, so not drawn: ${skipped.map(e => e.id).join(', ')}`);
}

const args = process.argv.slice(2), force = args.includes('--force'), files = args.filter(a => a !== '--force');
if (!files.length) {
  console.error('usage: node tools/models/layout.mjs [--force] file.bpmn [more files]');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  try { await layoutFile(file, force); } catch (e) { console.error(`${file}: ${e.message}`); failed++; }
}
process.exit(failed ? 1 : 0);
