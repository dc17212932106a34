package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.ARRIVAL_POINT;
import static md.nrs.referral.repatriation.RepatriationProcess.OTHER_ARRIVAL_POINT;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The arrival point of the travel form in words, for the notifications of the receiving side. */
final class ArrivalPoints {

  private ArrivalPoints() {
  }

  static String describe(VariableScope scope) {
    String point = ARRIVAL_POINT.getOrDefault(scope, "other");
    return switch (point) {
      case "chisinau-airport" -> "Chisinau International Airport";
      case "leuseni" -> "the Leuseni border crossing";
      case "palanca" -> "the Palanca border crossing";
      default -> OTHER_ARRIVAL_POINT.getOrDefault(scope, "an arrival point agreed with IOM");
    };
  }
}
