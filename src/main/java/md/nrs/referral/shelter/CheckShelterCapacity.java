package md.nrs.referral.shelter;

import static md.nrs.referral.shelter.ShelterPlacementProcess.FREE_PLACES;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_IN_SHELTER;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACE_AVAILABLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Says whether the shelter (CAP, Chisinau) has a free place: its number of places is configuration
 * ({@code nrs.shelter.places}, 25 by default); the taken places are the running placements whose person
 * holds a place. Counted over all placements, whatever the rights of the user whose step runs this.
 */
@Component("checkShelterCapacity")
public class CheckShelterCapacity implements JavaDelegate {

  private final int places;

  public CheckShelterCapacity(@Value("${nrs.shelter.places:25}") int places) {
    this.places = places;
  }

  /** The shelter's number of places, as configured. */
  public int places() {
    return places;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    long taken = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ShelterPlacementProcess.KEY)
        .variableValueEquals(PLACED_IN_SHELTER.name(), true)
        .count());
    int free = (int) Math.max(0, places - taken);
    FREE_PLACES.set(execution, free);
    PLACE_AVAILABLE.set(execution, free > 0);
  }
}
