// NRS Referral Platform: Tasklist's header says who is logged in, with their role and agency or team read from
// their groups (GET /nrs/me, the webapps' session), never from their name; the footer names the platform instead of
// "Powered by Camunda Platform", and the English logout notice thanks for using the platform. Listed in config.js (customScripts).

const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const platformRoot = appRoot.replace(/\/camunda$/, '');
const language = (((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase().split('-')[0]);
const spoken = ['ro', 'ru', 'en'].includes(language) ? language : 'en';

let words = null;
let me = null;

async function load() {
  try {
    if (!words) {
      const answer = await fetch(`${platformRoot}/nrs/i18n/${spoken}/tasklist`, {credentials: 'same-origin'});
      words = answer.ok ? await answer.json() : {};
    }
    const answer = await fetch(`${platformRoot}/nrs/me`, {credentials: 'same-origin', cache: 'no-store'});
    me = answer.ok ? await answer.json() : null;
  } catch (e) {
    me = null;
  }
  render();
}

/** "Specialist de caz · La Strada": the roles (translated) and the agency or team, from the groups. */
function describe(user) {
  const roles = (user.roles || []).map((role) => words['role.' + role]).filter(Boolean);
  const agencies = (user.agencies || []).map((agency) => agency.name);
  return [...new Set(roles)].concat(agencies).join(' · ');
}

function render() {
  const toggle = document.querySelector('li.account .dropdown-toggle');
  if (toggle && me) {
    let who = toggle.querySelector('.nrs-who');
    if (!who) {
      who = document.createElement('span');
      who.className = 'nrs-who';
      toggle.classList.add('nrs-account');
      toggle.append(who);
    }
    const role = describe(me);
    // Tasklist shows the name (first and last) before it
    if (who.textContent !== role) {
      who.textContent = role;
    }
  }
  // Camunda's English logout notice ("Thank you for using Camunda today") thanks for using the platform instead
  for (const notice of document.querySelectorAll('.notifications .alert, [cam-notifications] .alert')) {
    const walker = document.createTreeWalker(notice, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.includes('using Camunda')) {
        node.data = node.data.replace('using Camunda', 'using the NRS Referral Platform');
      }
    }
  }
  const poweredBy = document.querySelector('footer #footer-timezone + div, [cam-widget-footer] #footer-timezone + div');
  if (poweredBy && words && words.footer && !poweredBy.classList.contains('nrs-footer')) {
    poweredBy.classList.add('nrs-footer');
    poweredBy.replaceChildren(document.createTextNode(words.footer));
  }
}

window.addEventListener('hashchange', () => {
  if (!window.location.hash.startsWith('#/login') && !me) {
    load();
  } else if (window.location.hash.startsWith('#/login')) {
    me = null;
  }
});
new MutationObserver(() => render()).observe(document.documentElement, {subtree: true, childList: true});
if (!window.location.hash.startsWith('#/login')) {
  load();
} else {
  fetch(`${platformRoot}/nrs/i18n/${spoken}/tasklist`, {credentials: 'same-origin'})
    .then((answer) => (answer.ok ? answer.json() : {})).then((loaded) => { words = loaded; render(); }).catch(() => {});
}

export default [];
