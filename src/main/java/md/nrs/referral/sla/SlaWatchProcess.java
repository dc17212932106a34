package md.nrs.referral.sla;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/sla-watch.bpmn: the periodic sweep ({@link SlaWatch}) that reminds agencies of steps
 * coming due and starts an sla-escalation ({@link SlaEscalationProcess}) for each step overdue, one page of steps
 * per pass. Its one variable says whether the last pass filled a page; each pass reads the open tasks.
 */
@ProcessContract
public final class SlaWatchProcess {

  public static final String KEY = "sla-watch";

  public static final class Elements {
    public static final String EVERY_QUARTER_HOUR = "StartEvent_EveryQuarterHour";
    public static final String SWEEP_PASS = "Gateway_SweepPass";
    public static final String FIND_DUE_AND_OVERDUE = "ServiceTask_FindStepsDueAndOverdue";
    public static final String MORE_STEPS_WAITING = "Gateway_MoreStepsWaiting";
    public static final String NEXT_PAGE = "Event_NextPage";
    public static final String SWEEP_DONE = "EndEvent_SweepDone";

    private Elements() {
    }
  }

  /** The last pass filled a page, so more steps may be waiting: the process goes on to the next page at once. */
  public static final ProcessVariable<Boolean> SWEEP_PAGE_FULL = ProcessVariable.flag("sweepPageFull");

  private SlaWatchProcess() {
  }
}
