package md.nrs.referral.sla;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/** Contract of processes/sla-watch.bpmn: the periodic sweep, one page of steps per pass. */
@ProcessContract
public final class SlaWatchProcess {

  public static final String KEY = SlaEscalationProcess.WATCH_KEY;

  /** The last pass filled a page, so more steps may be waiting: the process goes on to the next page at once. */
  public static final ProcessVariable<Boolean> SWEEP_PAGE_FULL = ProcessVariable.flag("sweepPageFull");

  private SlaWatchProcess() {
  }
}
