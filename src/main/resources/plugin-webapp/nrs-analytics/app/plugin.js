// NRS bottleneck analytics in Cockpit (community plugin API). Loaded by Cockpit for the registered
// backend plugin "nrs-analytics" (md.nrs.referral.analytics.AnalyticsCockpitPlugin). Read-only, counts and
// durations only: no case codes, no personal data.

const PERIODS = [[7, 'last 7 days'], [30, 'last 30 days'], [90, 'last 90 days'], [365, 'last 12 months']];
const DEFAULT_DAYS = 30;

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

function text(value) {
  const span = document.createElement('span');
  span.textContent = value === null || value === undefined ? '' : String(value);
  return span.innerHTML;
}

// Red: something is overdue now, or the activity is among the slowest third of this process, or a
// quarter or more breached; amber: slower than a third of the slowest, or any breach; green otherwise.
function heat(figure, slowest) {
  const relative = slowest > 0 && figure.medianMillis ? figure.medianMillis / slowest : 0;
  if (figure.overdue > 0 || relative >= 0.66 || figure.breachRate >= 0.25) return 'hot';
  if (relative >= 0.33 || figure.breaches > 0) return 'warm';
  return 'cool';
}

function periodSelect(days, onChange) {
  const select = document.createElement('select');
  select.className = 'nrs-analytics-period';
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
    const panel = document.createElement('div');
    panel.className = 'nrs-analytics-panel';
    container.appendChild(panel);
    const ids = [];

    const draw = async (days) => {
      ids.splice(0).forEach((id) => overlays.remove(id));
      panel.innerHTML = '<strong>Bottlenecks</strong> ';
      panel.appendChild(periodSelect(days, draw));
      let answer;
      try {
        answer = await load(api, `process-definition/${processDefinitionId}/activities`, days);
      } catch (e) {
        panel.insertAdjacentHTML('beforeend', `<div class="nrs-analytics-error">${text(e.message)}</div>`);
        return;
      }
      const shown = answer.activities.filter((f) => registry.get(f.activityId));
      const slowest = Math.max(0, ...shown.map((f) => f.medianMillis || 0));
      panel.insertAdjacentHTML('beforeend',
        '<div class="nrs-analytics-legend">On each step: tokens waiting now and how many are overdue; median and 90th-percentile time spent there; SLA breaches in the period.' +
        '<br><span class="nrs-analytics-hot">worst</span> <span class="nrs-analytics-warm">slow</span> <span class="nrs-analytics-cool">fine</span></div>');
      for (const f of shown) {
        const html = `<div class="nrs-analytics-badge nrs-analytics-${heat(f, slowest)}" title="${text(f.activityName)}: ` +
          `${f.completed} completed in the period${f.agency ? ', agency ' + text(f.agency) : ''}">` +
          `<div>${f.waiting} waiting · ${f.overdue} overdue</div>` +
          `<div>median ${duration(f.medianMillis)} · p90 ${duration(f.p90Millis)}</div>` +
          (f.breaches ? `<div>${f.breaches} SLA breaches</div>` : '') + '</div>';
        ids.push(overlays.add(f.activityId, 'nrs-analytics', {position: {bottom: -4, left: -6}, html}));
      }
    };
    draw(DEFAULT_DAYS);
  }
};

const dashboard = {
  id: 'nrs-analytics-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render(node, {api}) {
    const draw = async (days) => {
      node.innerHTML = '<section class="nrs-analytics-dashboard"><h3 class="section-title">Top bottlenecks</h3></section>';
      const section = node.firstChild;
      section.appendChild(periodSelect(days, draw));
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
        `<tr class="nrs-analytics-row-${f.overdue > 0 || f.breachRate >= 0.25 ? 'hot' : f.breaches > 0 ? 'warm' : 'cool'}">` +
        `<td><a href="#/process-definition/${encodeURIComponent(f.processDefinitionId)}/runtime">${text(f.activityName)}</a>` +
        `<div class="nrs-analytics-process">${text(f.processDefinitionKey)}</div></td>` +
        `<td class="num">${f.waiting}</td><td class="num">${f.overdue}</td>` +
        `<td class="num">${duration(f.medianMillis)}</td><td class="num">${Math.round(f.breachRate * 100)}%</td>` +
        `<td>${text(f.agency || '–')}</td></tr>`).join('');
      section.insertAdjacentHTML('beforeend',
        '<table class="table cam-table nrs-analytics-table"><thead><tr><th>Activity</th><th class="num">Waiting</th><th class="num">Overdue</th>' +
        `<th class="num">Median wait</th><th class="num">Breach rate</th><th>Agency</th></tr></thead><tbody>${rows}</tbody></table>`);
    };
    draw(DEFAULT_DAYS);
  }
};

export default [diagramOverlay, dashboard];
