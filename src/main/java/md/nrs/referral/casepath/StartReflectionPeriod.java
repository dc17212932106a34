package md.nrs.referral.casepath;

import java.time.ZonedDateTime;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.sla.SlaDueDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the recovery and reflection period of every person the identification interview reached: from now,
 * for the length the sla-durations.dmn row of the period's timer gives (Council of Europe Convention art. 13,
 * at least 30 days). Other processes read {@link NrsCaseProcess#REFLECTION_PERIOD_ENDS_ON}.
 */
@Component("startReflectionPeriod")
public class StartReflectionPeriod implements JavaDelegate {

  private final SlaDueDate dueDates;

  public StartReflectionPeriod(SlaDueDate dueDates) {
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ZonedDateTime now = ZonedDateTime.ofInstant(PlatformClock.now(), dueDates.zone()).withNano(0);
    ZonedDateTime ends = dueDates.after(execution.getProcessEngineServices(), NrsCaseProcess.Elements.REFLECTION_PERIOD_ENDS,
            NrsCaseProcess.URGENCY.get(execution), NrsCaseProcess.MINOR.get(execution), now)
        .orElseThrow(() -> new IllegalStateException("sla-durations.dmn has no row for "
            + NrsCaseProcess.Elements.REFLECTION_PERIOD_ENDS + ": the reflection period needs its length"));
    NrsCaseProcess.REFLECTION_PERIOD_STARTS_ON.set(execution, now.toLocalDate());
    NrsCaseProcess.REFLECTION_PERIOD_ENDS_ON.set(execution, ends.toLocalDate());
    NrsCaseProcess.REFLECTION_PERIOD_ENDS_AT.set(execution, ends.toOffsetDateTime().toString());
    NrsCaseProcess.REFLECTION_PERIOD_OVER.set(execution, false);
  }
}
