package md.nrs.referral.sla;

/**
 * Contract of processes/sla-watch.bpmn: the periodic sweep ({@link SlaWatch}) that reminds agencies of steps
 * coming due and starts an sla-escalation ({@link SlaEscalationProcess}) for each step overdue. It carries no
 * variables: each sweep reads the open tasks.
 */
public final class SlaWatchProcess {

  public static final String KEY = "sla-watch";

  public static final class Elements {
    public static final String EVERY_QUARTER_HOUR = "StartEvent_EveryQuarterHour";
    public static final String FIND_DUE_AND_OVERDUE = "ServiceTask_FindStepsDueAndOverdue";
    public static final String SWEEP_DONE = "EndEvent_SweepDone";

    private Elements() {
    }
  }

  private SlaWatchProcess() {
  }
}
