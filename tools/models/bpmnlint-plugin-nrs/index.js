// The revision gate's rules (md.nrs.referral.models.ModelValidator) as bpmnlint rules. What the platform
// knows (delegates, groups, forms) comes from vocabulary.json, which ModelerVocabularyTest generates.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'nrs/known-delegate': 'error',
        'nrs/known-candidate-group': 'error',
        'nrs/user-task-form': 'error',
        'nrs/history-time-to-live': 'error',
        'nrs/timer-basis': 'error',
        'nrs/task-time-limit-basis': 'warn'
      }
    }
  },
  rules: {
    'known-delegate': './rules/known-delegate',
    'known-candidate-group': './rules/known-candidate-group',
    'user-task-form': './rules/user-task-form',
    'history-time-to-live': './rules/history-time-to-live',
    'timer-basis': './rules/timer-basis',
    'task-time-limit-basis': './rules/task-time-limit-basis'
  }
};
