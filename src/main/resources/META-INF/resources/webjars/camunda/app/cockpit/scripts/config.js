// NRS Referral Platform: Cockpit configuration (overrides the file shipped in the Camunda webjar).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'NRS Referral Platform'
  },
  historicActivityInstanceMetrics: {
    adjustablePeriod: true,
    period: {unit: 'month'}
  },
  runtimeActivityInstanceMetrics: {
    display: true
  }
};
