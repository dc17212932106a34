// NRS Referral Platform: the user chooses their language inside Tasklist, in the user menu (top right).
//
// The choice is stored on the server like any other way of setting it (PUT /api/me/language, with the
// webapp session and its CSRF token, as Tasklist's own calls send it), and Tasklist starts again in it:
// scripts/nrs-language reads the user's language at start-up, and the server answers forms and names in it.
// "As the browser is set" removes the choice, so the browser's language counts again. The menu's words come
// from the translation source (forms/i18n, keys tasklist.language.*); each language's own name stays in
// that language, so a user who cannot read the current one still finds theirs.

const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const platformRoot = appRoot.replace(/\/camunda$/, '');
const CHOICES = [['ro', 'Română'], ['ru', 'Русский'], ['en', 'English']];

const shownLanguage = () => {
  const tag = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase().split('-')[0];
  return CHOICES.some(([l]) => l === tag) ? tag : 'en';
};

async function json(url) {
  try {
    const answer = await fetch(url, {credentials: 'same-origin'});
    return answer.ok ? await answer.json() : null;
  } catch (e) {
    return null;
  }
}

let words = null;
let chosen;

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function choose(language) {
  const answer = await fetch(`${platformRoot}/api/me/language`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    body: JSON.stringify({language})
  }).catch(() => null);
  if (answer && answer.ok) {
    window.location.reload();
  } else {
    window.alert(words?.['language.failed'] || 'The language could not be saved; try again');
  }
}

function item(label, language, current) {
  const li = document.createElement('li');
  li.className = 'nrs-language' + (current ? ' active' : '');
  li.dataset.language = language === null ? 'browser' : language;
  const a = document.createElement('a');
  a.href = '';
  a.setAttribute('role', 'button');
  a.textContent = (current ? '✓ ' : '') + label;
  if (language !== null) {
    a.lang = language;
  }
  a.addEventListener('click', (event) => {
    event.preventDefault();
    choose(language);
  });
  li.appendChild(a);
  return li;
}

function addTo(menu) {
  const logout = menu.querySelector(':scope > li.logout');
  const header = document.createElement('li');
  header.className = 'dropdown-header nrs-language-header';
  header.textContent = words?.['language.menu'] || 'Language';
  const entries = [header];
  for (const [language, name] of CHOICES) {
    entries.push(item(name, language, chosen === language));
  }
  entries.push(item(words?.['language.browser'] || 'As the browser is set', null, chosen === null));
  const divider = document.createElement('li');
  divider.className = 'divider nrs-language-divider';
  entries.push(divider);
  entries.forEach((entry) => menu.insertBefore(entry, logout));
}

function addWhereMissing() {
  for (const menu of document.querySelectorAll('li.account .dropdown-menu')) {
    if (!menu.querySelector('.nrs-language') && menu.querySelector(':scope > li.logout')) {
      addTo(menu);
    }
  }
}

let started = false;

async function start() {
  if (started) {
    return;
  }
  // who is logged in, as scripts/nrs-language asks: the answer carries the user's own language, if any
  const me = await fetch(`${appRoot}/api/admin/auth/user/default`, {credentials: 'same-origin'}).catch(() => null);
  if (!me || !me.ok) {
    return; // not logged in yet: tried again when the login page is left
  }
  const own = me.headers.get('Content-Language');
  chosen = CHOICES.some(([l]) => l === own) ? own : null;
  words = await json(`${platformRoot}/nrs/i18n/${shownLanguage()}/tasklist`);
  if (started) {
    return;
  }
  started = true;
  addWhereMissing();
  new MutationObserver(addWhereMissing).observe(document.documentElement, {subtree: true, childList: true});
}

window.addEventListener('hashchange', () => {
  if (!window.location.hash.startsWith('#/login')) {
    start();
  }
});
// not awaited: Tasklist need not wait for the menu
start();

export default [];
