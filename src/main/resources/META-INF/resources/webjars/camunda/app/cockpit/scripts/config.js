// NRS Referral Platform: Cockpit configuration (overrides the file shipped in the Camunda webjar).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'NRS Referral Platform'
  },
  // The login and logout pages name the platform (one module for the three apps, kept with Tasklist's scripts).
  // Changing controls are hidden from everyone but administrators (scripts/nrs-read-only).
  customScripts: ['../tasklist/scripts/nrs-branding/login-branding.js', 'scripts/nrs-read-only/read-only.js'],
  historicActivityInstanceMetrics: {
    adjustablePeriod: true,
    period: {unit: 'month'}
  },
  runtimeActivityInstanceMetrics: {
    display: true
  }
};
