package md.nrs.referral.shelter;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The dates of a shelter stay, from the stay time limits table's periods (ISO 8601 periods in days or
 * months, e.g. P30D). The stay runs from the placement date; each granted extension adds one extension
 * period to the planned end, counted from the review if the review came after the planned end.
 */
public final class StayDates {

  private StayDates() {
  }

  /** The planned last day of the reflection (recovery) period. */
  public static LocalDate firstEnd(LocalDate placedOn, String reflectionPeriod) {
    return placedOn.plus(Period.parse(reflectionPeriod));
  }

  /** The planned end after one more extension, decided on {@code today}. */
  public static LocalDate nextEnd(LocalDate plannedEnd, LocalDate today, String extensionPeriod) {
    LocalDate from = today.isAfter(plannedEnd) ? today : plannedEnd;
    return from.plus(Period.parse(extensionPeriod));
  }

  /** Whether a stay from {@code placedOn} to {@code end} stays within the maximum number of days. */
  public static boolean withinMaximum(LocalDate placedOn, LocalDate end, int maximumStayDays) {
    return ChronoUnit.DAYS.between(placedOn, end) <= maximumStayDays;
  }
}
