package md.nrs.referral.shelter;

import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_IN_SHELTER;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.REFLECTION_PERIOD;
import static md.nrs.referral.shelter.ShelterPlacementProcess.STAY_ENDS_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.STAY_EXTENSIONS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The person moved in: the place counts as taken, and the stay is planned to the end of the reflection period. */
@Component("takeShelterPlace")
public class TakeShelterPlace implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    PLACED_IN_SHELTER.set(execution, true);
    STAY_EXTENSIONS.set(execution, 0);
    STAY_ENDS_ON.set(execution,
        StayDates.firstEnd(PLACED_ON.get(execution), REFLECTION_PERIOD.get(execution)));
  }
}
