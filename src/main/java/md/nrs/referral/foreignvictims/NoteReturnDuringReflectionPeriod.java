package md.nrs.referral.foreignvictims;

import static md.nrs.referral.engine.Platform.asPlatform;

import md.nrs.referral.casepath.ReflectionPeriods;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * As the return-or-stay decision is taken: records whether the person chose a return while the case's recovery and
 * reflection period still runs (Council of Europe Convention art. 13: no removal during it). Such a return goes ahead
 * only because she asked for it herself; the record shows it in the case's history and the statistics.
 */
@Component("noteReturnDuringReflectionPeriod")
public class NoteReturnDuringReflectionPeriod implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    boolean wishesReturn = "return".equals(ForeignVictimProcess.PERSON_WISHES.get(execution));
    var engine = execution.getProcessEngineServices();
    boolean during = wishesReturn && asPlatform(engine, () -> ReflectionPeriods.runningUntil(ReflectionPeriods.facts(
        engine.getRuntimeService(), ForeignVictimProcess.CASE_CODE.get(execution))) != null);
    ForeignVictimProcess.RETURN_CHOSEN_DURING_REFLECTION_PERIOD.set(execution, during);
  }
}
