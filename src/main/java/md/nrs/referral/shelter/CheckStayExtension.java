package md.nrs.referral.shelter;

import static md.nrs.referral.shelter.ShelterPlacementProcess.CAN_EXTEND;
import static md.nrs.referral.shelter.ShelterPlacementProcess.EXTENSION_PERIOD;
import static md.nrs.referral.shelter.ShelterPlacementProcess.MAXIMUM_STAY_DAYS;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.STAY_ENDS_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.STAY_EXTENSIONS;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * CAP asked for an extension: granted only if the stay with one more extension period stays within the
 * maximum stay of the time limits table; then the extension is counted and the planned end moves on.
 * An extension beyond the maximum is refused, and the stay ends.
 */
@Component("checkStayExtension")
public class CheckStayExtension implements JavaDelegate {

  private final Clock clock;

  public CheckStayExtension(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate placedOn = PLACED_ON.get(execution);
    LocalDate nextEnd = StayDates.nextEnd(STAY_ENDS_ON.get(execution), LocalDate.now(clock),
        EXTENSION_PERIOD.get(execution));
    boolean canExtend = StayDates.withinMaximum(placedOn, nextEnd, MAXIMUM_STAY_DAYS.get(execution));
    CAN_EXTEND.set(execution, canExtend);
    if (canExtend) {
      STAY_EXTENSIONS.set(execution, STAY_EXTENSIONS.getOrDefault(execution, 0) + 1);
      STAY_ENDS_ON.set(execution, nextEnd);
    }
  }
}
