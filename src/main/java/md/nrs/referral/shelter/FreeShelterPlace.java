package md.nrs.referral.shelter;

import static md.nrs.referral.shelter.ShelterPlacementProcess.OUTCOME_DISCHARGED;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_IN_SHELTER;
import static md.nrs.referral.shelter.ShelterPlacementProcess.SHELTER_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The person was discharged: the place is free again, and the case process gets the outcome "discharged". */
@Component("freeShelterPlace")
public class FreeShelterPlace implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    PLACED_IN_SHELTER.set(execution, false);
    SHELTER_OUTCOME.set(execution, OUTCOME_DISCHARGED);
  }
}
