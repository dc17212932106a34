// NRS Referral Platform: the case page. ?code=NRS-… shows the case's journey as the server allows the logged-in
// user to see it (GET /api/cases/{code}/journey, with the webapps' session: no password prompt); without a code,
// the referrals the user's agency made (GET /api/referrals). Everything is written with textContent: nothing the
// server sends is read as HTML. The server answers in the user's language and says which (Content-Language).

const page = document.getElementById('page');
const code = new URLSearchParams(window.location.search).get('code');
const browserLanguage = () => {
  const tag = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase().split('-')[0];
  return ['ro', 'ru', 'en'].includes(tag) ? tag : 'en';
};

let words = {};
let language = 'en';
// the words come without their "casepage." prefix (/nrs/i18n/{language}/casepage)
const t = (key, values = {}) => (words[key.replace(/^casepage\./, '')] || key).replace(/\{(\w+)}/g, (m, name) => (name in values ? values[name] : m));

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

function when(iso) {
  if (!iso) {
    return '';
  }
  // as Tasklist shows dates (config.js dateFormat: DD.MM.YYYY HH:mm), in the browser's time zone
  const d = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function facts(pairs) {
  const dl = el('dl', null, 'facts');
  for (const [term, value] of pairs) {
    if (value) {
      dl.append(el('dt', term), el('dd', value));
    }
  }
  return dl;
}

function stepState(step) {
  const key = {'open': 'casepage.step.open', 'done': 'casepage.step.done'}[step.state] || 'casepage.step.ended';
  const css = {'open': 'state-open', 'done': 'state-done'}[step.state] || 'state-ended';
  const td = el('td', null, 'state ' + css);
  td.append(el('span', t(key)));
  return td;
}

function teams(step) {
  return step.teams.map((team) => team.name).join(', ');
}

function table(headers, rows) {
  const table = el('table');
  const head = el('tr');
  headers.forEach((h) => head.append(el('th', h)));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  rows.forEach((row) => body.append(row));
  table.append(body);
  return table;
}

function stepsTable(steps) {
  const now = Date.now();
  return table([t('casepage.column.step'), t('casepage.column.team'), t('casepage.column.opened'), t('casepage.column.due'),
    t('casepage.column.ended'), t('casepage.column.state')], steps.map((step) => {
    const tr = el('tr');
    tr.dataset.state = step.state;
    const due = el('td', when(step.dueAt));
    if (step.state === 'open' && step.dueAt && Date.parse(step.dueAt) < now) {
      due.className = 'overdue';
      due.textContent += ' (' + t('casepage.step.overdue') + ')';
    }
    tr.append(el('td', step.name), el('td', teams(step)), el('td', when(step.openedAt)), due, el('td', when(step.endedAt)),
      stepState(step));
    return tr;
  }));
}

/** The agency's name from the directory (the journey names each agency its consents are about), else its id. */
function agencyName(journey, id) {
  return (journey.agencies && journey.agencies[id]) || id;
}

function consentName(journey, purpose) {
  if (purpose.startsWith('share-with-agency:')) {
    return t('casepage.consent.share-with-agency', {agency: agencyName(journey, purpose.substring('share-with-agency:'.length))});
  }
  return t('casepage.consent.' + purpose);
}

function showJourney(journey) {
  document.title = t('casepage.title', {code: journey.caseCode}) + ' – NRS Referral Platform';
  page.append(el('h1', t('casepage.title', {code: journey.caseCode})));
  if (journey.view === 'referrer') {
    page.append(el('p', t('casepage.referrer.note'), 'note'));
  }
  page.append(facts([[t('casepage.registered'), when(journey.registeredAt)],
    [t('casepage.state'), t('casepage.state.' + journey.state) + (journey.endedAt ? ' ' + when(journey.endedAt) : '')],
    [t('casepage.ending'), journey.ending]]));
  const open = journey.steps.filter((s) => s.state === 'open');
  page.append(el('h2', journey.view === 'referrer' ? t('casepage.steps.open') : t('casepage.steps')));
  if (journey.steps.length === 0) {
    page.append(el('p', t('casepage.steps.none')));
  } else {
    page.append(stepsTable(journey.view === 'referrer' ? open : journey.steps));
  }
  if (journey.view !== 'case') {
    return;
  }
  page.append(el('h2', t('casepage.consents')));
  const purposes = Object.keys(journey.consents || {});
  if (purposes.length === 0) {
    page.append(el('p', t('casepage.consents.none')));
  } else {
    // each consent given, then the agencies the person did not agree to share with, on one line
    const list = el('ul', null, 'consents');
    const notShared = [];
    purposes.forEach((purpose) => {
      const decision = journey.consents[purpose];
      if (!decision.given && purpose.startsWith('share-with-agency:')) {
        notShared.push(agencyName(journey, purpose.substring('share-with-agency:'.length)));
        return;
      }
      list.append(el('li', consentName(journey, purpose) + ': ' + t(decision.given ? 'casepage.consent.given' : 'casepage.consent.refused')
        + ' (' + t('casepage.consent.recorded', {when: when(decision.recordedAt)}) + ')'));
    });
    if (notShared.length > 0) {
      list.append(el('li', t('casepage.consent.notSharedWith', {agencies: notShared.join(', ')})));
    }
    page.append(list);
  }
  page.append(el('h2', t('casepage.person')));
  if (journey.person) {
    const p = journey.person;
    page.append(facts(['givenName', 'familyName', 'dateOfBirth', 'sex', 'phone', 'email', 'address', 'documentType',
      'documentNumber', 'familyContact'].map((field) => [t('casepage.person.' + field), p[field]])));
  } else {
    page.append(el('p', journey.personalData === 'none recorded' ? t('casepage.person.none') : t('casepage.person.notShown')));
  }
  // a child's legal representative: only to those with consent or a legal duty (the server decides)
  if (journey.representative) {
    page.append(el('h2', t('casepage.representative')));
    page.append(facts(['name', 'contact'].map((field) => [t('casepage.representative.' + field), journey.representative[field]])));
    if (journey.representative.excluded) {
      page.append(el('p', t('casepage.representative.excluded'), 'note'));
    }
  }
}

function showReferrals(referrals) {
  document.title = t('casepage.referrals.title') + ' – NRS Referral Platform';
  page.append(el('h1', t('casepage.referrals.title')));
  if (referrals.length === 0) {
    page.append(el('p', t('casepage.referrals.none')));
    return;
  }
  page.append(table([t('casepage.column.case'), t('casepage.registered'), t('casepage.column.current'), t('casepage.state')],
    referrals.map((referral) => {
      const tr = el('tr');
      const link = el('a', referral.caseCode);
      link.href = 'case.html?code=' + encodeURIComponent(referral.caseCode);
      const caseCell = el('td');
      caseCell.append(link);
      const current = referral.openSteps.map((s) => s.name + (s.teams.length ? ' — ' + teams(s) : '')).join('; ');
      tr.append(caseCell, el('td', when(referral.registeredAt)), el('td', current),
        el('td', t('casepage.state.' + referral.state) + (referral.ending ? ': ' + referral.ending : '')));
      return tr;
    })));
}

function refused(titleKey, textKey) {
  page.className = 'refused';
  page.append(el('h1', t(titleKey)));
  if (textKey) {
    page.append(el('p', t(textKey)));
  }
  const back = el('a', t('casepage.back'), 'button');
  back.href = '/camunda/app/tasklist/';
  page.append(back);
}

async function start() {
  const url = code ? '/api/cases/' + encodeURIComponent(code) + '/journey' : '/api/referrals';
  let answer = null;
  try {
    answer = await fetch(url, {credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'application/json'}});
  } catch (e) {
    answer = null;
  }
  language = (answer && answer.headers.get('Content-Language')) || browserLanguage();
  document.documentElement.lang = language;
  try {
    words = await (await fetch('/nrs/i18n/' + language + '/casepage', {credentials: 'same-origin'})).json();
  } catch (e) {
    words = {};
  }
  document.getElementById('back').textContent = t('casepage.back');
  if (!answer) {
    refused('casepage.failed');
  } else if (answer.status === 401) {
    refused('casepage.login');
  } else if (answer.status === 403) {
    refused('casepage.noPart.title', 'casepage.noPart.text');
  } else if (!answer.ok) {
    refused('casepage.failed');
  } else if (code) {
    showJourney(await answer.json());
  } else {
    showReferrals(await answer.json());
  }
  page.dataset.ready = 'true';
}

start();
