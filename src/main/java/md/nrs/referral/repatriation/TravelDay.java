package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.TRAVEL_DATE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The start of the travel day in the platform's time zone (Chisinau): when the receiving side must be ready. */
final class TravelDay {

  private TravelDay() {
  }

  static Instant start(VariableScope scope, Clock clock) {
    LocalDate travelDate = TRAVEL_DATE.get(scope);
    return travelDate == null ? null : travelDate.atStartOfDay(clock.getZone()).toInstant();
  }
}
