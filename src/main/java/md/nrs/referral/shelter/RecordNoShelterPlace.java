package md.nrs.referral.shelter;

import static md.nrs.referral.shelter.ShelterPlacementProcess.OUTCOME_NO_PLACE;
import static md.nrs.referral.shelter.ShelterPlacementProcess.SHELTER_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The coordinator found no place: gives the case process the outcome "no-place". */
@Component("recordNoShelterPlace")
public class RecordNoShelterPlace implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    SHELTER_OUTCOME.set(execution, OUTCOME_NO_PLACE);
  }
}
