// NRS bottleneck analytics in Cockpit (community plugin API). Loaded by Cockpit for the registered
// backend plugin "nrs-analytics" (md.nrs.referral.analytics.AnalyticsCockpitPlugin). Read-only, counts and
// durations only: no case codes, no personal data.
//
// Colours say where a step stands against its own time limit (the due dates set from sla-durations.dmn),
// as the server decides (TimeLimitStatus): never a rank among steps.

const PERIODS = [[7, 'last 7 days'], [30, 'last 30 days'], [90, 'last 90 days'], [365, 'last 12 months']];
const DEFAULT_DAYS = 30;
const STATUS = {
  'overdue': 'Overdue',
  'at-risk': 'At risk',
  'on-time': 'On time',
  'no-limit': 'No time limit'
};
const LEGEND = '<span class="nrs-badge nrs-status-overdue">Overdue</span> something waits past its time limit now · ' +
  '<span class="nrs-badge nrs-status-at-risk">At risk</span> a waiting case has used ¾ of its time limit, or a quarter ' +
  'of the period\'s cases went past it · <span class="nrs-badge nrs-status-on-time">On time</span> within the time limit · ' +
  '<span class="nrs-badge nrs-status-no-limit">No time limit</span> the step has none. Time limits: sla-durations.dmn.';

// The period runs from the first day up to now (no "to": the server's now, whatever the browser's zone).
function pluginUrl(api, path, days) {
  const from = new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
  return `${api.cockpitApi}/plugin/nrs-analytics/${engineName(api)}/${path}?from=${from}`;
}

// Cockpit 7.24 hands diagram plugins the page URL as api.engine; the engine is in the path instead.
function engineName(api) {
  if (api.engine && !api.engine.includes('/')) return api.engine;
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)/);
  return match ? match[1] : 'default';
}

async function load(api, path, days) {
  const response = await fetch(pluginUrl(api, path, days), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  if (!response.ok) {
    throw new Error(response.status === 403 ? 'Bottleneck analytics are for managers.' : `Analytics unavailable (${response.status}).`);
  }
  return response.json();
}

function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  const minutes = ms / 60000;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

function text(value) {
  const span = document.createElement('span');
  span.textContent = value === null || value === undefined ? '' : String(value);
  return span.innerHTML;
}

function badge(f) {
  return `<span class="nrs-badge nrs-status-${text(f.status)}" data-status="${text(f.status)}">${STATUS[f.status] || text(f.status)}</span>`;
}

function periodSelect(days, onChange) {
  const select = document.createElement('select');
  select.className = 'nrs-analytics-period';
  select.setAttribute('aria-label', 'Period');
  for (const [value, label] of PERIODS) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    option.selected = value === days;
    select.appendChild(option);
  }
  select.addEventListener('change', () => onChange(Number(select.value)));
  return select;
}

const diagramOverlay = {
  id: 'nrs-analytics-diagram',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 5,
  render(viewer, {api, processDefinitionId}) {
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    const container = viewer.get('canvas').getContainer();
    // The legend sits in a strip of its own above the diagram (the canvas is made that much shorter), so it
    // covers no step.
    const panel = document.createElement('div');
    panel.className = 'nrs-analytics-panel';
    container.parentNode.insertBefore(panel, container);
    container.classList.add('nrs-analytics-canvas');
    const ids = [];

    const draw = async (days) => {
      ids.splice(0).forEach((id) => overlays.remove(id));
      panel.innerHTML = '<strong>Bottlenecks</strong> ';
      panel.appendChild(periodSelect(days, draw));
      let answer;
      try {
        answer = await load(api, `process-definition/${processDefinitionId}/activities`, days);
      } catch (e) {
        panel.insertAdjacentHTML('beforeend', `<span class="nrs-analytics-error">${text(e.message)}</span>`);
        return;
      }
      panel.insertAdjacentHTML('beforeend', `<span class="nrs-analytics-legend">${LEGEND}</span>`);
      // One line per step that has something to tell (cases waiting, or cases in the period); the rest is in
      // the tooltip. Badges keep their size when the diagram is fitted to the window, so neighbours would cover
      // each other: along the diagram, a badge goes below its step, else above it, else in the first free row
      // further below (a wide model puts several steps within one badge's width).
      const zoom = Math.min(viewer.get('canvas').zoom() || 1, 1);
      const near = 150 / zoom; // a badge's width on screen, in diagram units
      const rowHeight = 24 / zoom; // a badge's height on screen, in diagram units
      const placed = [];
      const free = (x, y) => placed.every((p) => Math.abs(p.x - x) >= near || Math.abs(p.y - y) >= rowHeight);
      const shown = answer.activities.filter((a) => registry.get(a.activityId) && (a.waiting || a.completed || a.breaches))
        .map((f) => ({f, element: registry.get(f.activityId)})).sort((a, b) => a.element.x - b.element.x);
      for (const {f, element} of shown) {
        const below = element.y + element.height + 4;
        const aboveTop = element.y - 4 - rowHeight;
        let row = 0;
        let above = false;
        if (!free(element.x, below) && free(element.x, aboveTop)) {
          above = true;
        } else {
          while (!free(element.x, below + row * rowHeight) && row < 20) {
            row++;
          }
        }
        placed.push({x: element.x, y: above ? aboveTop : below + row * rowHeight});
        const html = `<div class="nrs-analytics-badge nrs-status-${text(f.status)}${above ? ' nrs-analytics-above' : ''}" ` +
          `data-status="${text(f.status)}" ` +
          `title="${text(f.activityName)} — ${text(STATUS[f.status] || f.status)}: ${f.waiting} waiting, ${f.overdue} overdue; ` +
          `median ≈ ${duration(f.medianMillis)} (within one bucket of the daily summary), ${f.completed} completed in the period, ${f.breaches} past the limit; ` +
          `time limit ${text(f.timeLimit || 'none')}">` +
          `${f.waiting} waiting${f.overdue ? ` · ${f.overdue} overdue` : ''}</div>`;
        // never smaller than at 100%: readable when the diagram is fitted to the window
        const position = above ? {top: -4, left: -6} : {bottom: -4 - row * rowHeight, left: -6};
        ids.push(overlays.add(f.activityId, 'nrs-analytics', {position, scale: {min: 1}, html}));
      }
    };
    draw(DEFAULT_DAYS);
  }
};

// Cockpit puts dashboard plugins last, in a "Custom Plugins" section below its own (section.deprecate, a
// sibling of .sections). The panel moves itself to the top of the dashboard's first column, under its own
// title, and hides the then empty "Custom Plugins" section. Cockpit may link the plugin before its view is in
// the page, so placing is tried again for a few seconds.
function placeFirst(node, panel) {
  const place = () => {
    const page = node.closest('.dashboard');
    const column = page && page.querySelector(':scope > .sections > div');
    if (!column) return false;
    column.querySelectorAll(':scope > .nrs-bottlenecks-panel').forEach((old) => old !== panel && old.remove());
    column.insertBefore(panel, column.firstChild);
    const custom = node.closest('section.deprecate');
    if (custom && custom.querySelectorAll('.deprecate-dashboard-view').length <= 1) {
      custom.classList.add('nrs-hidden');
    }
    return true;
  };
  node.appendChild(panel); // where Cockpit put it, until the dashboard is in the page
  let tries = 0;
  const retry = () => {
    if (!place() && ++tries < 100) setTimeout(retry, 50);
  };
  retry();
}

const dashboard = {
  id: 'nrs-analytics-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render(node, {api}) {
    const target = document.createElement('section');
    target.className = 'nrs-bottlenecks-panel';
    placeFirst(node, target);
    const draw = async (days) => {
      target.innerHTML = '<div class="inner"><header><h1 class="section-title">Bottlenecks: steps against their time limits</h1></header></div>';
      const section = target.firstChild;
      const tools = document.createElement('div');
      tools.className = 'nrs-analytics-tools';
      tools.appendChild(periodSelect(days, draw));
      section.appendChild(tools);
      section.insertAdjacentHTML('beforeend', `<p class="nrs-analytics-legend">${LEGEND}</p>`);
      let answer;
      try {
        answer = await load(api, 'bottlenecks', days);
      } catch (e) {
        section.insertAdjacentHTML('beforeend', `<p class="nrs-analytics-error">${text(e.message)}</p>`);
        return;
      }
      if (answer.activities.length === 0) {
        section.insertAdjacentHTML('beforeend', '<p>No waiting steps and no history in this period.</p>');
        return;
      }
      const rows = answer.activities.map((f) =>
        `<tr class="nrs-analytics-row" data-step="${text(f.activityId)}" data-agency="${text(f.agency || '')}" data-status="${text(f.status)}">` +
        `<td>${badge(f)}</td>` +
        `<td><a href="#/process-definition/${encodeURIComponent(f.processDefinitionId)}/runtime">${text(f.activityName)}</a>` +
        `<div class="nrs-analytics-process">${text(f.processDefinitionKey)}</div></td>` +
        `<td>${text(f.agencyName || f.agency || '–')}</td>` +
        `<td class="num">${f.waiting}</td><td class="num">${f.overdue}${f.waiting ? ` <span class="nrs-analytics-share">(${percent(f.overdueShare)})</span>` : ''}</td>` +
        `<td class="num">${percent(f.limitUsed)}</td><td>${text(f.timeLimit || '–')}</td>` +
        `<td class="num">${f.medianMillis == null ? '–' : `≈ ${duration(f.medianMillis)}`}</td><td class="num">${percent(f.breachRate)}</td></tr>`).join('');
      section.insertAdjacentHTML('beforeend',
        '<table class="table cam-table nrs-analytics-table"><thead><tr><th>Status</th><th>Step</th><th>Agency</th>' +
        '<th class="num">Waiting</th><th class="num">Overdue</th>' +
        '<th class="num" title="The most of its time limit a waiting case has used (100% = due now)">Time used</th>' +
        '<th title="For a standard referral of an adult; urgent and child cases have shorter limits">Time limit</th>' +
        '<th class="num" title="All agencies, cases finished in the period; approximate: read from the daily summary\'s duration buckets, within one bucket (the buckets grow with the duration: e.g. 2–5 min, 4–6 h, 7–10 days)">Median (step)</th>' +
        '<th class="num" title="All agencies: share of the step\'s cases that went past the limit in the period">Late (step)</th>' +
        `</tr></thead><tbody>${rows}</tbody></table>`);
    };
    draw(DEFAULT_DAYS);
  }
};

export default [diagramOverlay, dashboard];
