package md.nrs.referral.sla;

import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One pass of the sla-watch sweep, on the engine's clock (so tests move time by moving that clock). */
@Component("findStepsDueAndOverdue")
public class FindStepsDueAndOverdue implements JavaDelegate {

  private final SlaWatch watch;

  public FindStepsDueAndOverdue(SlaWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var counts = watch.sweep(PlatformClock.now());
    SlaWatchProcess.SWEEP_PAGE_FULL.set(execution, watch.filledAPage(counts));
  }
}
