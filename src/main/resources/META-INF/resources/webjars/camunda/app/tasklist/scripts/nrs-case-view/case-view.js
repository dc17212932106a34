// NRS Referral Platform: the case in view inside Tasklist.
// - After "Register a referral" (a start form of the NRS case), the new case code is shown with a button that
//   copies it and a link to the case page: Tasklist itself only says that a process was started.
// - Every task of a case links to the case page (/nrs/case.html?code=…), next to the task's name.
// - The user menu links to the referrals made by the user's agency (the same page without a code).
// The case page asks the server with the webapps' session; this script sends nothing but what Tasklist already
// reads (the task's own caseCode variable) and keeps nothing in the browser. Words: /nrs/i18n/{lang}/casepage.

const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const platformRoot = appRoot.replace(/\/camunda$/, '');
const engineApi = `${appRoot}/api/engine/engine/default`;
const START_FORM = /\/process-definition\/[^/?]+\/submit-form(\?|$)/;
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
.nrs-case-link { display: inline-block; margin: 4px 0 8px; font-weight: 600; }
`;

function addStyle() {
  if (!document.getElementById('nrs-case-view-style')) {
    const style = el('style', STYLE);
    style.id = 'nrs-case-view-style';
    document.head.append(style);
  }
}

/** The panel shown once a referral is registered: the code, Copy, and the case page. */
function showRegistered(code) {
  addStyle();
  document.querySelector('.nrs-registered')?.remove();
  const panel = el('div', null, 'nrs-registered');
  panel.setAttribute('role', 'alertdialog');
  panel.setAttribute('aria-label', t('casepage.registered.title'));
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
  panel.append(close, el('h3', t('casepage.registered.title')), el('div', t('casepage.registered.text')), shown,
    el('div', t('casepage.registered.keep')), actions);
  document.body.append(panel);
}

/** Watches Tasklist's own start-form submissions: their answer is the new process instance, with its case code. */
function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (method === 'POST' && START_FORM.test(String(url))) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          try {
            const started = JSON.parse(this.responseText);
            if (started && CASE_CODE.test(started.businessKey || '')) {
              showRegistered(started.businessKey);
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
  let value = null;
  try {
    const answer = await fetch(`${engineApi}/task/${encodeURIComponent(taskId)}/variables/caseCode`,
      {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
    value = answer.ok ? (await answer.json()).value : null;
  } catch (e) {
    value = null;
  } finally {
    pending = null;
  }
  if (!CASE_CODE.test(value || '') || linkedTask !== taskId) {
    return;
  }
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
