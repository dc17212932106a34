// NRS Referral Platform: Tasklist configuration (overrides the file shipped in the Camunda webjar).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'NRS Referral Platform'
  },
  // Caseworkers in Moldova work in Romanian, many in Russian: the browser's language picks one of these
  // (locales/ro.json, locales/ru.json here; en and de ship with Tasklist), English otherwise.
  locales: {
    availableLocales: ['en', 'de', 'ro', 'ru'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'DD.MM.YYYY HH:mm',
    long: 'LLLL'
  },
  // No draft of a form is kept in the browser, and Save (which only kept that draft) is hidden in
  // styles/user-styles.css: a draft of the informed-consent form would hold the person's details.
  // The login and logout pages name the platform (scripts/nrs-branding). The user's own language, if they
  // chose one, wins over the browser's, and form-js's words and date picker follow it (scripts/nrs-language,
  // first: Tasklist waits for it before it reads the language).
  // Server errors at the field and next to the button, why a button is disabled, no filled form closed without
  // asking, another agency's task explained (scripts/nrs-form-errors); the user's agency and role from their
  // groups in the header (scripts/nrs-header). The case in view: the new case code after registration, a link
  // to the case page from every task, the agency's referrals, what happens next after Complete and the case's
  // history in the task's History tab (scripts/nrs-case-view).
  customScripts: ['scripts/nrs-language/language.js', 'scripts/nrs-language-picker/picker.js', 'scripts/nrs-no-drafts/no-form-drafts.js',
    'scripts/nrs-branding/login-branding.js', 'scripts/nrs-form-errors/form-errors.js', 'scripts/nrs-header/who-am-i.js',
    'scripts/nrs-case-view/case-view.js'],
  // Caseworkers come here to work, not to be told about Camunda: the welcome message is off.
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
