package md.nrs.referral.shelter;

import md.nrs.referral.agencies.Agencies;
import static md.nrs.referral.engine.Platform.asPlatform;
import static md.nrs.referral.shelter.ShelterPlacementProcess.FREE_PLACES;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_IN_SHELTER;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACE_AVAILABLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Says whether the shelter (CAP, Chisinau) has a free place: its number of places is the one the agency
 * directory holds for {@code cap-chisinau} (administrators keep it current), or {@code nrs.shelter.places}
 * (25 by default) where the directory has none; the taken places are the running placements whose
 * person holds a place. Counted over all placements, whatever the rights of the user whose step runs this.
 */
@Component("checkShelterCapacity")
public class CheckShelterCapacity implements JavaDelegate {

  static final String SHELTER_AGENCY = "cap-chisinau";

  private final int configuredPlaces;
  private final Agencies directory;

  public CheckShelterCapacity(@Value("${nrs.shelter.places:25}") int configuredPlaces, Agencies directory) {
    this.configuredPlaces = configuredPlaces;
    this.directory = directory;
  }

  /** The shelter's number of places: the directory's, else the configured default. */
  public int places() {
    return directory.shelterPlaces(SHELTER_AGENCY).orElse(configuredPlaces);
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    long taken = asPlatform(execution.getProcessEngineServices(), () -> execution.getProcessEngineServices()
        .getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ShelterPlacementProcess.KEY)
        .variableValueEquals(PLACED_IN_SHELTER.name(), true)
        .count());
    int free = (int) Math.max(0, places() - taken);
    FREE_PLACES.set(execution, free);
    PLACE_AVAILABLE.set(execution, free > 0);
  }
}
