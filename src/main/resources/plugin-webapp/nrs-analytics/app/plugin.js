// NRS bottleneck analytics in Cockpit (community plugin API). Loaded by Cockpit for the registered
// backend plugin "nrs-analytics" (md.nrs.referral.analytics.AnalyticsCockpitPlugin). Read-only, counts and
// durations only: no case codes, no personal data.

const PERIODS = [[7, 'last 7 days'], [30, 'last 30 days'], [90, 'last 90 days'], [365, 'last 12 months']];
const DEFAULT_DAYS = 30;

function pluginUrl(api, path, days) {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  const day = (d) => d.toISOString().slice(0, 10);
  return `${api.cockpitApi}/plugin/nrs-analytics/${api.engine}/${path}?from=${day(from)}&to=${day(to)}`;
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
        '<div class="nrs-analytics-legend">⏳ waiting now · ⚠ overdue · median / 90th percentile time · ✖ SLA breaches in the period' +
        '<br><span class="nrs-analytics-hot">worst</span> <span class="nrs-analytics-warm">slow</span> <span class="nrs-analytics-cool">fine</span></div>');
      for (const f of shown) {
        const html = `<div class="nrs-analytics-badge nrs-analytics-${heat(f, slowest)}" title="${text(f.activityName)}: ` +
          `${f.completed} completed in the period${f.agency ? ', agency ' + text(f.agency) : ''}">` +
          `<div>⏳ ${f.waiting} · ⚠ ${f.overdue}</div>` +
          `<div>${duration(f.medianMillis)} / ${duration(f.p90Millis)}</div>` +
          (f.breaches ? `<div>✖ ${f.breaches}</div>` : '') + '</div>';
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
        '<table class="table cam-table nrs-analytics-table"><thead><tr><th>Activity</th><th>Waiting</th><th>Overdue</th>' +
        `<th>Median wait</th><th>Breach rate</th><th>Agency</th></tr></thead><tbody>${rows}</tbody></table>`);
    };
    draw(DEFAULT_DAYS);
  }
};

export default [diagramOverlay, dashboard];
