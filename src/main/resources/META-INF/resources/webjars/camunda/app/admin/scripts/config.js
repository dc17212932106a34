// NRS Referral Platform: Admin configuration (overrides the file shipped in the Camunda webjar).
// The community-edition end-of-life banner stays visible here on purpose: operators must know
// the engine receives no more patches.
export default {
  app: {
    name: 'Admin',
    vendor: 'NRS Referral Platform'
  },
  // The login and logout pages name the platform (one module for the three apps, kept with Tasklist's scripts).
  customScripts: ['../tasklist/scripts/nrs-branding/login-branding.js']
};
