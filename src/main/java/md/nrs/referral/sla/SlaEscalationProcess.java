package md.nrs.referral.sla;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/sla-escalation.bpmn: one per overdue step, started by the sweep of
 * {@link SlaWatchProcess}; the NRS coordinators act on it.
 */
@ProcessContract
public final class SlaEscalationProcess {

  public static final String KEY = "sla-escalation";
  public static final String FORM_ACT_ON_OVERDUE_STEP = "act-on-overdue-step";

  public static final class Elements {
    public static final String ACT_ON_OVERDUE_STEP = "UserTask_ActOnOverdueStep";
    public static final String ESCALATION_HANDLED = "EndEvent_EscalationHandled";

    private Elements() {
    }
  }

  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> OVERDUE_STEP = ProcessVariable.text("overdueStep");
  public static final ProcessVariable<String> OVERDUE_STEP_ID = ProcessVariable.text("overdueStepId");
  public static final ProcessVariable<String> OVERDUE_TASK_ID = ProcessVariable.text("overdueTaskId");
  public static final ProcessVariable<String> OVERDUE_AGENCY = ProcessVariable.text("overdueAgency");
  public static final ProcessVariable<String> DUE_AT = ProcessVariable.text("dueAt");

  private SlaEscalationProcess() {
  }
}
