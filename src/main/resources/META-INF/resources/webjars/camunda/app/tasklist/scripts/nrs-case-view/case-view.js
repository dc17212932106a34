// NRS Referral Platform: the case in view inside Tasklist.
// - After "Register a referral" (a start form of the NRS case), the new case code is shown with a button that
//   copies it and a link to the case page: Tasklist itself only says that a process was started. After "Add a
//   family member to a case" the same, for the family member's own new case.
// - Every task of a case links to the case page (/nrs/case.html?code=…), next to the task's name.
// - The user menu links to the referrals made by the user's agency (the same page without a code).
// - After Complete, a panel says what happens next and which team has it (the case's open steps); the task's
//   History tab shows the case's journey. Both read GET /api/cases/{code}/journey, which shows each user only
//   their part in the case: Tasklist's own History tab lists only this task's operations.
// The case page asks the server with the webapps' session; this script sends nothing but what Tasklist already
// reads (the task's own caseCode variable) and keeps nothing in the browser. Words: /nrs/i18n/{lang}/casepage.

const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const platformRoot = appRoot.replace(/\/camunda$/, '');
const engineApi = `${appRoot}/api/engine/engine/default`;
const START_FORM = /\/process-definition\/[^/?]+\/submit-form(\?|$)/;
const TASK_FORM = /\/task\/([^/?]+)\/submit-form(\?|$)/;
const CASE_CODE = /^NRS-\d{4}-\d{1,12}$/;

let words = {};
const t = (key) => words[key.replace(/^casepage\./, '')] || key; // the words come without their prefix
const casePage = (code) => `${platformRoot}/nrs/case.html?code=${encodeURIComponent(code)}`;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

const STYLE = `
.nrs-registered { position: fixed; z-index: 2000; top: 70px; left: 50%; transform: translateX(-50%); width: 520px;
  background: #fff; border: 2px solid #1f3a5f; border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.3); padding: 18px 22px; }
.nrs-registered h3 { margin: 0 0 8px; font-size: 18px; color: #1f3a5f; }
.nrs-registered .nrs-case-code { font-size: 26px; font-weight: 700; letter-spacing: .5px; margin: 6px 0 10px; user-select: all; }
.nrs-registered .nrs-actions { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 12px; }
.nrs-registered .nrs-close { position: absolute; top: 6px; right: 10px; border: 0; background: none; font-size: 22px; }
.nrs-next { position: fixed; z-index: 2000; right: 24px; bottom: 24px; width: 440px; background: #fff;
  border: 2px solid #1f3a5f; border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.3); padding: 14px 18px; }
.nrs-next h3 { margin: 0 0 8px; font-size: 17px; color: #1f3a5f; }
.nrs-next ul, .nrs-case-history ul { margin: 0 0 8px; padding-left: 18px; }
.nrs-next .nrs-team, .nrs-case-history .nrs-team { color: #555; }
.nrs-next .nrs-close { position: absolute; top: 4px; right: 8px; border: 0; background: none; font-size: 22px; }
.nrs-case-history { margin: 0 0 14px; padding: 10px 12px; border: 1px solid #cfd8e3; border-radius: 4px; background: #f7f9fb; }
.nrs-case-history h4 { margin: 0 0 4px; font-size: 15px; color: #1f3a5f; }
.nrs-case-history .nrs-note { color: #555; margin-bottom: 6px; }
.nrs-case-link { display: inline-block; margin: 4px 0 8px; font-weight: 600; }
`;

function addStyle() {
  if (!document.getElementById('nrs-case-view-style')) {
    const style = el('style', STYLE);
    style.id = 'nrs-case-view-style';
    document.head.append(style);
  }
}

/**
 * What a start form of Tasklist did to the case whose code it answers with: a referral registered (the default), a
 * family member's own case opened, an incident reported on a case, a closed case reopened. Each has its own words.
 */
const STARTED = {
  'add-dependant': 'casepage.dependant',
  'safety-incident-report': 'casepage.incident',
  'case-reopening': 'casepage.reopened',
};

/** The panel shown once a start form gave a case code: what happened, the code, Copy, the case page. */
function showRegistered(code, definitionId) {
  const words = STARTED[String(definitionId || '').split(':')[0]] || 'casepage.registered';
  addStyle();
  document.querySelector('.nrs-registered')?.remove();
  const panel = el('div', null, 'nrs-registered');
  panel.setAttribute('role', 'alertdialog');
  const title = t(`${words}.title`);
  panel.setAttribute('aria-label', title);
  const close = el('button', '×', 'nrs-close');
  close.type = 'button';
  close.setAttribute('aria-label', t('casepage.close'));
  close.addEventListener('click', () => panel.remove());
  const shown = el('div', code, 'nrs-case-code');
  shown.id = 'nrs-new-case-code';
  const copy = el('button', t('casepage.copy'), 'btn btn-default nrs-copy');
  copy.type = 'button';
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code);
    } catch (e) {
      // no clipboard permission (an http page): the code is selected so Ctrl+C copies it
      window.getSelection().selectAllChildren(shown);
      document.execCommand('copy');
    }
    copy.textContent = t('casepage.copied');
  });
  const open = el('a', t('casepage.open'), 'btn btn-primary nrs-open-case');
  open.href = casePage(code);
  open.target = '_blank';
  open.rel = 'noopener';
  const actions = el('div', null, 'nrs-actions');
  actions.append(copy, open);
  panel.append(close, el('h3', title), el('div', t(`${words}.text`)), shown, el('div', t('casepage.registered.keep')),
    actions);
  document.body.append(panel);
}

const caseOfTask = {}; // task id -> case code, learnt when the task was opened (the task is gone once completed)

async function journeyOf(code) {
  const answer = await fetch(`${platformRoot}/api/cases/${encodeURIComponent(code)}/journey`,
    {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).catch(() => null);
  return answer && answer.ok ? answer.json() : null;
}

const teamsOf = (step) => (step.teams || []).map((team) => team.name).join(', ');
const two = (n) => String(n).padStart(2, '0');
// as Tasklist shows dates (config.js: DD.MM.YYYY HH:mm), in the browser's time zone
const when = (iso) => {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** After Complete: the case's open steps and the teams that have them, or that the case has ended. */
async function showNext(code) {
  const journey = await journeyOf(code);
  if (!journey) {
    return; // no part in the case any more (or not reachable): Tasklist's own notice stays
  }
  addStyle();
  document.querySelector('.nrs-next')?.remove();
  const panel = el('div', null, 'nrs-next');
  panel.setAttribute('role', 'status');
  const close = el('button', '×', 'nrs-close');
  close.type = 'button';
  close.setAttribute('aria-label', t('casepage.close'));
  close.addEventListener('click', () => panel.remove());
  panel.append(close, el('h3', `${t('casepage.next.title')}: ${journey.caseCode}`));
  const open = (journey.steps || []).filter((step) => step.state === 'open');
  if (journey.state === 'ended') {
    panel.append(el('div', t('casepage.next.ended'), 'nrs-next-ended'));
  } else if (open.length === 0) {
    panel.append(el('div', t('casepage.steps.none')));
  } else {
    const list = el('ul');
    for (const step of open) {
      const item = el('li', null, 'nrs-next-step');
      item.append(el('strong', step.name));
      if (teamsOf(step)) {
        item.append(' — ', el('span', teamsOf(step), 'nrs-team'));
      }
      list.append(item);
    }
    panel.append(list);
  }
  const link = el('a', t('casepage.open'), 'nrs-open-case');
  link.href = casePage(journey.caseCode);
  link.target = '_blank';
  link.rel = 'noopener';
  panel.append(link);
  document.body.append(panel);
}

let historyShown = null;

/** The History tab of an open task: the case's journey above Tasklist's own list of this task's operations. */
async function showCaseHistory() {
  const pane = document.querySelector('.history-pane');
  const taskId = new URLSearchParams(window.location.hash.split('?')[1] || '').get('task');
  const code = taskId && caseOfTask[taskId];
  if (!pane || !code) {
    return;
  }
  const mark = `${taskId}:${code}`;
  if (pane.querySelector('.nrs-case-history') || historyShown === mark) {
    return;
  }
  historyShown = mark;
  const journey = await journeyOf(code);
  historyShown = null;
  if (!journey || !pane.isConnected || pane.querySelector('.nrs-case-history')) {
    return;
  }
  addStyle();
  const box = el('div', null, 'nrs-case-history');
  box.append(el('h4', `${t('casepage.history.title')}: ${journey.caseCode}`), el('div', t('casepage.history.note'), 'nrs-note'));
  const list = el('ul');
  for (const step of journey.steps || []) {
    const item = el('li', null, `nrs-history-step nrs-step-${step.state === 'open' ? 'open' : 'closed'}`);
    const state = step.state === 'open' ? t('casepage.step.open') : step.state === 'done' ? t('casepage.step.done')
      : t('casepage.step.ended');
    item.append(el('strong', step.name), ` — ${state}, ${when(step.openedAt)}${step.endedAt ? ' – ' + when(step.endedAt) : ''}`);
    if (teamsOf(step)) {
      item.append(' — ', el('span', teamsOf(step), 'nrs-team'));
    }
    list.append(item);
  }
  box.append(list);
  pane.prepend(box);
}

/** Watches Tasklist's own form submissions: a start's answer is the new process instance, with its case code;
 * a completed task's case is the one its caseCode variable named when it was opened. */
function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const post = String(method).toUpperCase() === 'POST';
    const completed = post ? TASK_FORM.exec(String(url)) : null;
    if (completed) {
      const taskId = decodeURIComponent(completed[1]);
      // the task's case as learnt when it was opened; asked now otherwise (the task is still there until this answer)
      const code = caseOfTask[taskId] ? Promise.resolve(caseOfTask[taskId]) : caseCodeOf(taskId);
      this.addEventListener('loadend', async () => {
        const known = await code;
        if (this.status >= 200 && this.status < 300 && CASE_CODE.test(known || '')) {
          showNext(known);
        }
      });
    }
    if (post && START_FORM.test(String(url))) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          try {
            const started = JSON.parse(this.responseText);
            if (started && CASE_CODE.test(started.businessKey || '')) {
              showRegistered(started.businessKey, started.definitionId);
            }
          } catch (e) {
            // not JSON: nothing to show
          }
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

/** The task's own caseCode variable (every task of a case has it), or null. */
async function caseCodeOf(taskId) {
  try {
    const answer = await fetch(`${engineApi}/task/${encodeURIComponent(taskId)}/variables/caseCode`,
      {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
    return answer.ok ? (await answer.json()).value : null;
  } catch (e) {
    return null;
  }
}

let linkedTask = null;
let pending = null;

/** The open task's case, as a link above its form (the task's own caseCode variable, which every task has). */
async function linkOpenTask() {
  const taskId = new URLSearchParams(window.location.hash.split('?')[1] || '').get('task');
  const header = document.querySelector('[cam-tasklist-task] .task-details .names, .task-details .names');
  if (!taskId || !header) {
    return;
  }
  if ((header.querySelector('.nrs-case-link') && linkedTask === taskId) || pending === taskId) {
    return;
  }
  linkedTask = taskId;
  pending = taskId;
  const value = await caseCodeOf(taskId);
  pending = null;
  if (!CASE_CODE.test(value || '') || linkedTask !== taskId) {
    return;
  }
  caseOfTask[taskId] = value;
  header.querySelectorAll('.nrs-case-link').forEach((link) => link.remove());
  addStyle();
  const link = el('a', `${t('casepage.open')}: ${value}`, 'nrs-case-link');
  link.href = casePage(value);
  link.target = '_blank';
  link.rel = 'noopener';
  header.append(link);
}

function addReferralsToMenu() {
  for (const menu of document.querySelectorAll('li.account .dropdown-menu')) {
    const logout = menu.querySelector(':scope > li.logout');
    if (logout && !menu.querySelector('.nrs-referrals')) {
      const li = el('li', null, 'nrs-referrals');
      const a = el('a', t('casepage.referrals.link'));
      a.href = `${platformRoot}/nrs/case.html`;
      a.target = '_blank';
      a.rel = 'noopener';
      li.append(a);
      menu.insertBefore(li, logout);
    }
  }
}

let started = false;

async function start() {
  if (started) {
    return;
  }
  const me = await fetch(`${appRoot}/api/admin/auth/user/default`, {credentials: 'same-origin'}).catch(() => null);
  if (!me || !me.ok) {
    return; // not logged in yet: tried again when the login page is left
  }
  const tag = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase().split('-')[0];
  const language = me.headers.get('Content-Language') || (['ro', 'ru'].includes(tag) ? tag : 'en');
  words = await fetch(`${platformRoot}/nrs/i18n/${language}/casepage`, {credentials: 'same-origin'})
    .then((a) => (a.ok ? a.json() : {})).catch(() => ({}));
  if (started) {
    return;
  }
  started = true;
  const refresh = () => {
    addReferralsToMenu();
    linkOpenTask();
    showCaseHistory();
    // a form's own link to the case page (the consent form's) must not leave the filled form behind
    document.querySelectorAll('.fjs-form a[href^="/nrs/case.html"]:not([target])').forEach((a) => {
      a.target = '_blank';
      a.rel = 'noopener';
    });
  };
  refresh();
  new MutationObserver(refresh).observe(document.documentElement, {subtree: true, childList: true});
}

watchStarts();
window.addEventListener('hashchange', () => {
  if (!window.location.hash.startsWith('#/login')) {
    start();
  }
});
start();

export default [];
