// NRS Referral Platform: errors where the eye is, and no filled form lost (issue 20, items 4 and 7).
//
// - A form the server refuses (400 problem details with "fieldErrors", already in the user's language) is marked
//   at each field (highlighted, the message under it) and summed up next to the Complete/Start button by the
//   fields' labels as the user sees them, never by their keys; Tasklist's own notification of it, which sat at the
//   top of the dialog over the button, is not shown.
// - A disabled Complete/Start button says why next to it.
// - Escape (e.g. to close a drop-down list) or a click beside the start dialog never closes a filled form without
//   asking; neither does its Close or Back button.
// - A task that is not the user's agency's, opened by its address, gets the platform's own page with the way back
//   instead of "The task does not exist anymore".
// Listed in config.js (customScripts), so it runs before Tasklist starts.

const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const language = (((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase().split('-')[0]);
const spoken = ['ro', 'ru', 'en'].includes(language) ? language : 'en';

let words = {};
fetch(`${appRoot.replace(/\/camunda$/, '')}/nrs/i18n/${spoken}/tasklist`, {credentials: 'same-origin'})
  .then((answer) => (answer.ok ? answer.json() : {}))
  .then((loaded) => { words = loaded; })
  .catch(() => { words = {}; });

const say = (key, values = {}) => (words[key] || key).replace(/\{(\w+)}/g, (all, name) => values[name] ?? all);

// --- what the engine API answers (Tasklist talks to it through XMLHttpRequest)

/** Component id by variable key, from every Camunda form Tasklist loaded (the server names fields by key). */
const componentOfKey = new Map();
const FORM_SCHEMA = /\/(deployed-form|deployed-start-form)(\?|$)/;
const SUBMISSION = /\/(submit-form|complete)(\?|$)/;
const SINGLE_TASK = /\/engine\/[^/]+\/task\/([^/?]+)(\?|$)/;
let sending = false;

function learnSchema(schema) {
  const walk = (components) => (components || []).forEach((component) => {
    if (component.key && component.id) {
      componentOfKey.set(component.key, component.id);
    }
    walk(component.components);
  });
  walk(schema && schema.components);
}

function readJson(text) {
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return null;
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function nrsOpen(method, url, ...rest) {
  this.nrsRequest = {method: String(method).toUpperCase(), url: String(url)};
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function nrsSend(...args) {
  const request = this.nrsRequest || {method: '', url: ''};
  const submission = request.method === 'POST' && SUBMISSION.test(request.url);
  if (submission) {
    sending = true;
    clearServerErrors();
  }
  this.addEventListener('loadend', () => {
    if (submission) {
      sending = false;
    }
    const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : null;
    if (request.method === 'GET' && FORM_SCHEMA.test(request.url) && this.status === 200 && text) {
      learnSchema(readJson(text));
    } else if (submission && this.status === 400 && text) {
      const problem = readJson(text);
      if (problem && Array.isArray(problem.fieldErrors) && problem.fieldErrors.length) {
        showServerErrors(problem);
      }
    } else if (request.method === 'GET' && (this.status === 404 || this.status === 403)) {
      const task = SINGLE_TASK.exec(request.url);
      if (task) {
        const problem = text ? readJson(text) : null;
        showTaskRefused(decodeURIComponent(task[1]), problem ? [problem.message, problem.detail] : []);
      }
    }
    scheduleCheck();
  });
  return send.apply(this, args);
};

// Camunda forms' schemas come through fetch
const originalFetch = window.fetch;
window.fetch = async function nrsFetch(resource, init) {
  const answer = await originalFetch.call(this, resource, init);
  const url = typeof resource === 'string' ? resource : (resource && resource.url) || '';
  if (FORM_SCHEMA.test(url) && answer.ok) {
    answer.clone().json().then(learnSchema).catch(() => {});
  }
  return answer;
};

// --- the form on screen

/** The form the user works on: the start dialog's if it is open, else the task's. */
function currentForm() {
  const forms = [...document.querySelectorAll('.fjs-container')].filter((form) => form.offsetParent !== null);
  return forms.find((form) => form.closest('.modal')) || forms[0] || null;
}

/** The visible Start (in the dialog) or Complete button of that form. */
function primaryButton(form) {
  const visible = (selector) => [...document.querySelectorAll(selector)].find((button) => button.offsetParent !== null);
  return form && form.closest('.modal') ? visible('.modal button[ng-click="startProcessInstance()"]')
    : visible('button[ng-click="complete()"]');
}

/** The field wrapper of a component, found by the end of its element ids (form-js prefixes them per form). */
function fieldOf(form, componentId) {
  const selector = ['', '-0', '-date', '-display', '-search'].map((suffix) => `[id$="-${CSS.escape(componentId)}${suffix}"]`).join(',');
  const element = form.querySelector(selector);
  return element ? element.closest('.fjs-form-field') : null;
}

function labelOf(field, fallback) {
  const label = field && field.querySelector('.fjs-form-field-label, label');
  const text = label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
  return text || fallback;
}

function clearServerErrors() {
  document.querySelectorAll('.nrs-error-summary, .nrs-field-error').forEach((node) => node.remove());
  document.querySelectorAll('.nrs-field-invalid').forEach((node) => node.classList.remove('nrs-field-invalid'));
}

let replacedNotification = null;

function showServerErrors(problem) {
  clearServerErrors();
  const form = currentForm();
  const button = primaryButton(form);
  if (!form || !button) {
    return;
  }
  replacedNotification = {text: String(problem.message || problem.detail || ''), until: Date.now() + 15000};
  const summary = document.createElement('div');
  summary.className = 'nrs-error-summary alert alert-danger';
  summary.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = say('errors-title');
  const list = document.createElement('ul');
  summary.append(title, list);
  for (const fieldError of problem.fieldErrors) {
    const key = String(fieldError.field || '');
    const field = fieldOf(form, componentOfKey.get(key) || key);
    const label = labelOf(field, key);
    const message = String(fieldError.message || '');
    const item = document.createElement('li');
    item.dataset.field = key;
    const link = document.createElement('a');
    link.href = '';
    link.textContent = say('errors-field', {field: label, message});
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const input = field && field.querySelector('input, textarea, select, button');
      if (field) {
        field.scrollIntoView({block: 'center'});
      }
      if (input) {
        input.focus();
      }
    });
    item.append(link);
    list.append(item);
    if (field) {
      field.classList.add('nrs-field-invalid');
      field.dataset.nrsField = key;
      const under = document.createElement('div');
      under.className = 'nrs-field-error';
      under.textContent = message;
      field.append(under);
      const forget = () => {
        field.classList.remove('nrs-field-invalid');
        under.remove();
        item.remove();
        if (!list.children.length) {
          summary.remove();
        }
      };
      field.addEventListener('input', forget, {once: true});
      field.addEventListener('change', forget, {once: true});
    }
  }
  button.parentElement.insertBefore(summary, button.parentElement.firstChild);
  hideReplacedNotification();
}

/**
 * Tasklist's notification of the same refusal sits at the top (over the button in the dialog): not shown. In the
 * start dialog, its "The process could not be started" is not shown either while the reason is next to the button.
 */
function hideReplacedNotification() {
  if (document.querySelector('.modal .nrs-error-summary, .modal .nrs-disabled-reason')) {
    for (const alert of document.querySelectorAll('.modal .alert.alert-danger')) {
      if (!alert.classList.contains('nrs-replaced-notification') && !alert.classList.contains('nrs-error-summary')
          && !alert.classList.contains('ng-hide')) {
        alert.classList.add('nrs-replaced-notification');
      }
    }
  }
  if (!replacedNotification || Date.now() > replacedNotification.until) {
    return;
  }
  for (const alert of document.querySelectorAll('.notifications .alert, [cam-notifications] .alert, .page-notifications .alert')) {
    const text = alert.textContent || '';
    if (!alert.classList.contains('nrs-replaced-notification')
        && (replacedNotification.texts || [replacedNotification.text]).some((t) => t && text.includes(t.slice(0, 40)))) {
      alert.classList.add('nrs-replaced-notification');
    }
  }
}

// --- why a button is disabled

function disabledReason(form, button) {
  if (sending) {
    return say('disabled-sending');
  }
  if (button.matches('[ng-click="complete()"]') && form.closest('.disabled-form')) {
    return say('disabled-not-claimed');
  }
  // the fields form-js marked (a group's frame holds its fields' messages, but is not one itself)
  const wrong = [...form.querySelectorAll('.fjs-form-field:not(.fjs-form-field-group)')]
    .filter((field) => field.classList.contains('fjs-has-errors') || field.querySelector(':scope > .fjs-form-field-error'))
    .map((field) => labelOf(field, '')).filter(Boolean);
  if (wrong.length) {
    return say('disabled-invalid', {fields: [...new Set(wrong)].join(', ')});
  }
  return say('disabled-required');
}

function showDisabledReason() {
  for (const button of document.querySelectorAll('button[ng-click="complete()"], button[ng-click="startProcessInstance()"]')) {
    const container = button.parentElement;
    let note = container.querySelector('.nrs-disabled-reason');
    const form = button.closest('.modal-content')?.querySelector('.fjs-container')
      || document.querySelector('.task-details .fjs-container, [cam-tasklist-form] .fjs-container');
    const visible = button.offsetParent !== null && form;
    if (!visible || !button.disabled) {
      if (note) {
        note.remove();
      }
      continue;
    }
    const reason = disabledReason(form, button);
    if (!note) {
      note = document.createElement('div');
      note.className = 'nrs-disabled-reason';
      note.setAttribute('aria-live', 'polite');
      container.insertBefore(note, button);
    }
    if (note.textContent !== reason) {
      note.textContent = reason;
    }
    button.title = reason;
  }
}

// --- no filled form closed without asking

function filled(form) {
  return [...form.querySelectorAll('input, textarea')].some((input) => (input.type === 'checkbox' || input.type === 'radio'
    ? input.checked : input.type !== 'hidden' && input.value.trim() !== ''))
    || [...form.querySelectorAll('.fjs-select-display, .fjs-taglist-tag')].some((shown) => shown.classList.contains('fjs-taglist-tag')
      || (shown.textContent.trim() !== '' && !shown.querySelector('.fjs-select-placeholder')
        && shown.textContent.trim() !== (words.select || '') && !/^(Select|Alegeți|Выберите)/.test(shown.textContent.trim())));
}

function openStartForm() {
  const form = document.querySelector('.modal .fjs-container');
  return form && filled(form) ? form : null;
}

const IN_A_LIST = '.fjs-form-field-select, .fjs-form-field-taglist, .fjs-form-field-datetime, .fjs-dropdownlist, .flatpickr-calendar';
const CLOSING = '.modal-footer button[ng-click="$dismiss()"], .modal-footer button[ng-click="back()"]';
let closingAllowed = false;

/**
 * Asks in the dialog itself whether to drop what was filled in (Tasklist's page is sandboxed without modals, so
 * window.confirm would be answered "no" unseen); "close" then goes the way the user chose.
 */
function askBeforeClosing(close) {
  const footer = document.querySelector('.modal .modal-footer');
  if (!footer || footer.querySelector('.nrs-discard-question')) {
    return;
  }
  const question = document.createElement('div');
  question.className = 'nrs-discard-question alert alert-warning';
  question.setAttribute('role', 'alertdialog');
  const text = document.createElement('span');
  text.textContent = say('confirm-discard');
  const keep = document.createElement('button');
  keep.type = 'button';
  keep.className = 'btn btn-primary nrs-keep';
  keep.textContent = say('keep');
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'btn btn-link nrs-discard';
  discard.textContent = say('discard');
  keep.addEventListener('click', () => question.remove());
  discard.addEventListener('click', () => {
    question.remove();
    closingAllowed = true;
    try {
      close();
    } finally {
      closingAllowed = false;
    }
  });
  question.append(text, discard, keep);
  footer.prepend(question);
  keep.focus();
}

/**
 * Closes the list open at this element, if any, and says whether it did. form-js closes a searchable select's list,
 * a tag list's and the date picker on Escape itself; a plain select's list has no Escape of its own (that Escape
 * went on to the dialog and closed it), so its list is closed here the way form-js does on leaving the field.
 */
function closeOpenList(target) {
  if (!(target instanceof Element)) {
    return false;
  }
  if (target.closest('.flatpickr-calendar')) {
    return true;
  }
  const field = target.closest(IN_A_LIST);
  const open = field && (field.querySelector('.fjs-dropdownlist') || (field.matches('.fjs-form-field-datetime')
    && document.querySelector('.flatpickr-calendar.open')));
  if (!open) {
    return false;
  }
  if (target.matches('.fjs-select-hidden-input')) {
    target.blur();
  }
  return true;
}

const dismissButton = () => document.querySelector('.modal .modal-footer button[ng-click="$dismiss()"]');

window.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !document.querySelector('.modal .fjs-container')) {
    return;
  }
  // Escape in an open drop-down list or date picker closes that list, never the dialog (the modal leaves an Escape
  // alone once it is prevented)
  if (closeOpenList(event.target)) {
    event.preventDefault();
    return;
  }
  if (document.querySelector('.nrs-discard-question')) {
    event.preventDefault();
    document.querySelector('.nrs-discard-question').remove();
    return;
  }
  if (openStartForm()) {
    event.preventDefault();
    askBeforeClosing(() => dismissButton() && dismissButton().click());
  }
}, true);

window.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (closingAllowed || !target || !openStartForm()) {
    return;
  }
  const beside = target.classList.contains('modal') && target.closest('.modal') === target;
  const closing = target.closest(CLOSING);
  if (beside || closing) {
    event.preventDefault();
    event.stopImmediatePropagation();
    askBeforeClosing(() => (closing || dismissButton()).click());
  }
}, true);

// --- a task that is not the user's

function showTaskRefused(taskId, serverMessages) {
  const wanted = new URLSearchParams(window.location.hash.split('?')[1] || '').get('task');
  if (wanted !== taskId) {
    return;
  }
  // the page-level notification repeats the server's refusal ("No such task: ..."): the panel replaces it
  const texts = serverMessages.filter((m) => typeof m === 'string' && m.trim()).map((m) => m.trim());
  replacedNotification = {text: texts[0] || '', texts, until: Date.now() + 15000, taskRefused: true};
  const render = () => {
    // inside the task column's content cell: that cell is laid over the whole column below its toolbar, so a panel
    // put before it (in the column itself) would lie under it, seen but not clickable
    const column = document.querySelector('.column-right > .three-cols-layout-cell.content')
      || document.querySelector('[cam-tasklist-task]');
    if (!column) {
      return false;
    }
    column.querySelectorAll('.nrs-task-refused').forEach((old) => old.remove());
    const page = document.createElement('section');
    page.className = 'nrs-task-refused';
    page.setAttribute('role', 'alert');
    const brand = document.createElement('div');
    brand.className = 'nrs-task-refused-brand';
    brand.textContent = 'NRS Referral Platform';
    const title = document.createElement('h3');
    title.textContent = say('task-refused-title');
    const text = document.createElement('p');
    text.textContent = say('task-refused-text');
    const back = document.createElement('a');
    back.className = 'btn btn-primary nrs-task-refused-back';
    back.href = '#/';
    back.textContent = say('task-refused-back');
    // back to the list as it was (filter, sorting): only the task leaves the address
    back.addEventListener('click', (event) => {
      event.preventDefault();
      const [path, query] = window.location.hash.split('?');
      const search = new URLSearchParams(query || '');
      search.delete('task');
      search.delete('detailsTab');
      const rest = search.toString();
      window.location.hash = (path || '#/') + (rest ? '?' + rest : '');
    });
    page.append(brand, title, text, back);
    column.prepend(page);
    return true;
  };
  const tryRender = (attempt) => {
    if (!render() && attempt < 50) {
      setTimeout(() => tryRender(attempt + 1), 200);
    }
  };
  tryRender(0);
}

function hideTaskNotExist() {
  if (!replacedNotification || !replacedNotification.taskRefused || Date.now() > replacedNotification.until) {
    return;
  }
  // Tasklist's "The task does not exist anymore" (in the task's column), which the page above replaces
  for (const alert of document.querySelectorAll('.column-right .alert')) {
    if (!alert.classList.contains('nrs-replaced-notification') && !alert.closest('.nrs-task-refused')) {
      alert.classList.add('nrs-replaced-notification');
    }
  }
}

window.addEventListener('hashchange', () => {
  const wanted = new URLSearchParams(window.location.hash.split('?')[1] || '').get('task');
  document.querySelectorAll('.nrs-task-refused').forEach((page) => {
    if (!wanted) {
      page.remove();
    }
  });
  if (!wanted) {
    replacedNotification = null;
  }
});

// --- keep it all in step with the page

let scheduled = false;
function scheduleCheck() {
  if (scheduled) {
    return;
  }
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    showDisabledReason();
    hideReplacedNotification();
    hideTaskNotExist();
  });
}

new MutationObserver(scheduleCheck).observe(document.documentElement, {
  subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'class']
});

export default [];
