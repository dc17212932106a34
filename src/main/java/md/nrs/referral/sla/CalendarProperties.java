package md.nrs.referral.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business calendar's settings ({@code nrs.calendar.*}); every one has a default, so nothing needs configuring.
 *
 * @param workdayStart start of working time (default 08:00)
 * @param workdayEnd end of working time, also the hour at which a working-day deadline falls due (default 17:00)
 * @param extraHolidays days off decreed by the Government for a given year (Labour Code art. 111(5)), e.g. a bridge day
 * @param removedHolidays holidays of the statutory list that are working days in a given year
 * @param localHolidays the patron day ("hramul") of the locality's church, declared by the local council every year
 *     (Labour Code art. 111(1)(j)); empty by default because the platform serves the whole country
 */
@ConfigurationProperties("nrs.calendar")
public record CalendarProperties(
    LocalTime workdayStart,
    LocalTime workdayEnd,
    List<LocalDate> extraHolidays,
    List<LocalDate> removedHolidays,
    List<MonthDay> localHolidays) {

  public CalendarProperties {
    workdayStart = workdayStart == null ? LocalTime.of(8, 0) : workdayStart;
    workdayEnd = workdayEnd == null ? LocalTime.of(17, 0) : workdayEnd;
    extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
    removedHolidays = removedHolidays == null ? List.of() : List.copyOf(removedHolidays);
    localHolidays = localHolidays == null ? List.of() : List.copyOf(localHolidays);
    // Working-time arithmetic needs a non-empty working day inside one calendar day.
    if (!workdayStart.isBefore(workdayEnd)) {
      throw new IllegalArgumentException(
          "nrs.calendar.workday-start (" + workdayStart + ") must be before workday-end (" + workdayEnd + ")");
    }
  }

  /** All defaults: 08:00-17:00, no configured days. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null, null);
  }
}
