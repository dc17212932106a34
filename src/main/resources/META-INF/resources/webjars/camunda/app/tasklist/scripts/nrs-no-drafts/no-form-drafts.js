// NRS Referral Platform: nothing personal stays in the browser (DESIGN.md section 6).
//
// Tasklist 7.24 keeps a draft of a task form's values in localStorage ("camunda-form:<taskId>" for Camunda
// Forms, "camForm:<id>" for embedded and generic forms) when Save is pressed and again when the session
// expires, and has no setting to stop it; a draft of the informed-consent form holds a person's name, birth
// date, phone, address and passport number in plain text. Tasklist cannot tell which forms carry personal
// fields, so no form gets a draft. This module is listed in config.js (customScripts), so it runs before
// Tasklist starts, and only in Tasklist.

// Tasklist writes only these keys besides drafts: its settings (sorting, chosen filter, saved searches) and
// the cache of its language files. Every other key is dropped, drafts of any kind of form included; a
// Tasklist plugin that needs a key of its own adds it here, and keeps nothing personal under it.
const SETTINGS_KEYS = new Set(['camunda', 'camunda-web']);

const storeItem = Storage.prototype.setItem;

Storage.prototype.setItem = function setItem(key, value) {
  if (!SETTINGS_KEYS.has(String(key))) {
    // the key says which form; the value is never logged
    console.info('NRS: not kept in the browser:', String(key));
    return;
  }
  storeItem.call(this, key, value);
};

// The drafts' keys: "camunda-form:" followed by a task id, "camForm:" followed by a task, process definition
// or case id. Cockpit and Admin share the origin's storage, so only these are removed, not their settings.
const DRAFT_PREFIXES = ['camunda-form:', 'camForm:'];

/** Removes every form draft from localStorage and sessionStorage. */
export function removeDrafts() {
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (let i = storage.length - 1; i >= 0; i--) {
      const key = storage.key(i);
      if (key !== null && DRAFT_PREFIXES.some((prefix) => key.startsWith(prefix))) {
        storage.removeItem(key);
      }
    }
  }
}

// Drafts left by an earlier version or another tab; then whenever Tasklist shows its login page, which is
// where both logging out and an expired session end (the server also answers the logout with
// Clear-Site-Data), and when the page is left.
removeDrafts();
window.addEventListener('hashchange', () => {
  if (window.location.hash.startsWith('#/login')) {
    removeDrafts();
  }
});
window.addEventListener('pagehide', removeDrafts);
