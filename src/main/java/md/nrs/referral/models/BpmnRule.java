package md.nrs.referral.models;

/** One rule every BPMN file of a revision must keep; it reports what breaks it through {@link BpmnFile#problem}. */
interface BpmnRule {

  void check(BpmnFile file);
}
