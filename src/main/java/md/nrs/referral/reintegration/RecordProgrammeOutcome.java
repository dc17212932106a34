package md.nrs.referral.reintegration;

import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_AGENCY;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_OUTCOME;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_OUTCOMES;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds one programme's reported outcome to the case's list of programme outcomes, for the review. */
@Component("recordProgrammeOutcome")
public class RecordProgrammeOutcome implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> outcomes = new ArrayList<>(PROGRAMME_OUTCOMES.getOrDefault(execution, List.of()));
    outcomes.add(PROGRAMME.get(execution) + " (" + PROGRAMME_AGENCY.get(execution) + "): " + PROGRAMME_OUTCOME.get(execution));
    PROGRAMME_OUTCOMES.set(execution, outcomes);
  }
}
