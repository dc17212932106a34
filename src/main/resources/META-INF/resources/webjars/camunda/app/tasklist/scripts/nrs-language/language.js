// NRS Referral Platform: Tasklist in the user's own language, and form-js's words and date picker in it too.
//
// Tasklist 7.24 takes its language from the browser (navigator.languages[0]) when it starts. A user may
// choose a language on the server (PUT /api/me/language, or an administrator for them); the webapps'
// "who am I" answer carries it as Content-Language. This module is listed first in config.js
// (customScripts): Tasklist waits for it, so the language is in place before Tasklist reads it. The
// server translates the forms and the task, process and filter names in the same language itself.
//
// form-js (bundled in Tasklist's lib/deps.js) has no translation hook: its own words ("Select", "Field is
// required.") are replaced in the page, and each date picker (flatpickr) gets the language's months and
// weekdays, Monday first. The words come from the platform's translation source (forms/i18n).

const SPOKEN = ['ro', 'ru', 'en'];
const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const browserLanguage = () => (navigator.languages && navigator.languages[0]) || navigator.language || 'en';

async function usersOwnLanguage() {
  try {
    const answer = await fetch(`${appRoot}/api/admin/auth/user/default`, {credentials: 'same-origin'});
    const language = answer.ok ? answer.headers.get('Content-Language') : null;
    return SPOKEN.includes(language) ? language : null;
  } catch (e) {
    return null;
  }
}

const chosen = await usersOwnLanguage();
if (chosen) {
  Object.defineProperty(Navigator.prototype, 'languages', {configurable: true, get: () => [chosen]});
  Object.defineProperty(Navigator.prototype, 'language', {configurable: true, get: () => chosen});
}
const language = SPOKEN.find((l) => browserLanguage().toLowerCase().split('-')[0] === l) || 'en';

// Tasklist loads the fallback language's file too, and the date library takes the language of whichever
// file arrives last: due dates then read "in 3 hours" in a Russian Tasklist. With the fallback set to the
// user's language (every key is in ro.json and ru.json, TasklistLocalesTest), one file is loaded.
const conf = window.camTasklistConf;
if (conf && conf.locales && (conf.locales.availableLocales || []).includes(language)) {
  conf.locales.fallbackLocale = language;
}

// After logging in, the user's own language may differ from the browser's: start again in it.
window.addEventListener('hashchange', async () => {
  if (!window.location.hash.startsWith('#/login')) {
    const own = await usersOwnLanguage();
    if (own && own !== language) {
      window.location.reload();
    }
  }
});

let words = null;
try {
  const answer = await fetch(`${appRoot.replace(/\/camunda$/, '')}/nrs/i18n/${language}/formjs`, {credentials: 'same-origin'});
  words = answer.ok ? await answer.json() : null;
} catch (e) {
  words = null;
}

// form-js's English words, by the translation key of each
const ENGLISH = {'Select': 'select', 'Field is required.': 'field-required', 'Search': 'search', 'No results': 'no-results'};

function translateForms(root) {
  for (const container of root.querySelectorAll('.fjs-container')) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const key = ENGLISH[node.data.trim()];
      // only a real change: writing the same text would wake the observer again, for ever
      if (key && words[key] && node.data.trim() !== words[key]) {
        node.data = words[key];
      }
    }
    for (const input of container.querySelectorAll('.fjs-datepicker input, input.fjs-input[placeholder="Search"]')) {
      if (input.closest('.fjs-datepicker')) {
        if (input.placeholder && input.placeholder !== words['date-placeholder']) {
          input.placeholder = words['date-placeholder'];
        }
        localiseDatePicker(input._flatpickr);
      } else if (input.placeholder !== words.search) {
        input.placeholder = words.search;
      }
    }
  }
}

function localiseDatePicker(picker) {
  if (!picker || picker.nrsLocalised) {
    return;
  }
  picker.nrsLocalised = true;
  const list = (key) => words[key].split(',');
  picker.set('locale', {
    firstDayOfWeek: 1,
    weekdays: {shorthand: list('weekdays-short'), longhand: list('weekdays')},
    months: {shorthand: list('months-short'), longhand: list('months')},
    rangeSeparator: ' – ',
    time_24hr: true
  });
}

// English is form-js's own language: nothing to change
if (words && language !== 'en') {
  new MutationObserver(() => translateForms(document)).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true
  });
}

export default [];
