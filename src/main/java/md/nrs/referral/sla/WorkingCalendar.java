package md.nrs.referral.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import md.nrs.referral.engine.PlatformClock;
import org.springframework.stereotype.Component;

/**
 * Moldova's business calendar: which days are working days, and when a time limit falls due.
 *
 * <p>Working days are Monday to Friday except the public holidays of the Labour Code art. 111. A holiday on a
 * Saturday or Sunday is not moved to another day: Moldovan law does not move them.
 */
@Component
public class WorkingCalendar {

  /** How a time limit is counted. */
  public enum Mode {
    /** Working days and working hours only (rules that say "working days"). */
    WORKING_DAYS,
    /** Every hour of every day (urgent child-protection limits). */
    AROUND_THE_CLOCK
  }

  private final CalendarProperties properties;
  private final Map<Integer, List<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingCalendar(CalendarProperties properties) {
    this.properties = properties;
  }

  /** The zone days and working hours are counted in: the platform's ({@code nrs.time-zone}). */
  public ZoneId zone() {
    return PlatformClock.zone();
  }

  /**
   * The non-working public holidays of a year, sorted: the statutory list of the Labour Code art. 111(1), the
   * configured local patron day, plus the configured extra days off of that year, minus the configured removed ones.
   * Days falling on a weekend are listed too.
   */
  public List<LocalDate> publicHolidays(int year) {
    return holidaysByYear.computeIfAbsent(year, this::computeHolidays);
  }

  private List<LocalDate> computeHolidays(int year) {
    LocalDate easter = orthodoxEaster(year);
    TreeSet<LocalDate> days = new TreeSet<>(List.of(
        LocalDate.of(year, 1, 1),   // New Year
        LocalDate.of(year, 1, 7),   // Orthodox Christmas (old style), two days
        LocalDate.of(year, 1, 8),
        LocalDate.of(year, 3, 8),   // International Women's Day
        easter,                     // Orthodox Easter, Sunday and Monday
        easter.plusDays(1),
        easter.plusDays(8),         // Memorial Easter (Paștele Blajinilor): the Monday a week after Easter
        LocalDate.of(year, 5, 1),   // Labour Day
        LocalDate.of(year, 5, 9),   // Victory Day and Europe Day
        LocalDate.of(year, 6, 1),   // Children's Day
        LocalDate.of(year, 8, 27),  // Independence Day
        LocalDate.of(year, 8, 31),  // National Language Day ("Limba noastră")
        LocalDate.of(year, 12, 25)  // Christmas (new style)
    ));
    for (MonthDay local : properties.localHolidays()) {
      if (local.isValidYear(year)) {
        days.add(local.atYear(year));
      }
    }
    properties.extraHolidays().stream().filter(d -> d.getYear() == year).forEach(days::add);
    properties.removedHolidays().forEach(days::remove);
    return List.copyOf(days);
  }

  /**
   * Orthodox Easter Sunday in the Gregorian calendar: Meeus' Julian algorithm gives the date in the Julian calendar,
   * then the gap between the calendars is added (13 days for 1900-2099, 14 for 2100-2199, ...).
   */
  static LocalDate orthodoxEaster(int year) {
    int a = year % 4;
    int b = year % 7;
    int c = year % 19;
    int d = (19 * c + 15) % 30;
    int e = (2 * a + 4 * b - d + 34) % 7;
    int month = (d + e + 114) / 31;
    int day = (d + e + 114) % 31 + 1;
    // Easter always falls after the Julian leap day of a century year, so this year's gap applies.
    int julianGap = year / 100 - year / 400 - 2;
    return LocalDate.of(year, month, day).plusDays(julianGap);
  }

  /** Monday to Friday and not a public holiday. */
  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
        && !publicHolidays(day.getYear()).contains(day);
  }

  /**
   * When a time limit of {@code isoDuration} (ISO-8601, e.g. "PT3H", "P2D", "P3M", "P1DT2H") that starts at
   * {@code start} falls due, in the calendar's zone.
   *
   * <p>{@link Mode#AROUND_THE_CLOCK}: start plus the duration (the date part on the calendar, the time part in
   * elapsed time).
   *
   * <p>{@link Mode#WORKING_DAYS}:
   * <ul>
   *   <li>days only ("P2D"): the end of working time on the n-th working day after the start day; the start day never
   *       counts, whatever the hour. "P0D" is the end of the start day if it is a working day (already past for a start after the close), else
   *       the end of the next working day;
   *   <li>with years, months or weeks ("P1M", "P2W", "P1M3D"): the whole date part is counted on the calendar, as in
   *       law a month is a calendar month; a result that is not a working day moves to the end of working time of the
   *       next working day;
   *   <li>a time part ("PT2H"): working time only, counted after the date part; a moment outside working time first
   *       moves to the next start of working time. So "P1DT2H" is two working hours into the day after the first
   *       working day.
   * </ul>
   *
   * @throws IllegalArgumentException if the text is not an ISO-8601 duration, or is negative
   */
  public ZonedDateTime dueAfter(ZonedDateTime start, String isoDuration, Mode mode) {
    ParsedDuration duration = ParsedDuration.parse(isoDuration);
    ZonedDateTime from = start.withZoneSameInstant(zone());
    if (mode == Mode.AROUND_THE_CLOCK) {
      return from.plus(duration.period()).plus(duration.time());
    }
    ZonedDateTime due = from;
    if (duration.hasDatePart()) {
      due = duration.daysOnly() ? afterWorkingDays(from.toLocalDate(), duration.period().getDays())
          : onWorkingDay(from.plus(duration.period()));
    }
    // "P1DT0H" means the same as "P1D": a zero time part does not push the end of a day to the next morning.
    if (duration.hasTimePart() && (!duration.time().isZero() || !duration.hasDatePart())) {
      due = plusWorkingTime(due, duration.time());
    }
    return due;
  }

  /**
   * Working days after {@code from} up to and including {@code to}; negative when {@code to} is before {@code from}
   * (then it counts the working days after {@code to} up to and including {@code from}).
   */
  public long workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    return from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
  }

  private ZonedDateTime afterWorkingDays(LocalDate startDay, int workingDays) {
    LocalDate day = workingDays == 0 && isWorkingDay(startDay) ? startDay : nextWorkingDay(startDay);
    for (int i = 1; i < workingDays; i++) {
      day = nextWorkingDay(day);
    }
    return endOf(day);
  }

  private ZonedDateTime onWorkingDay(ZonedDateTime moment) {
    return isWorkingDay(moment.toLocalDate()) ? moment : endOf(nextWorkingDay(moment.toLocalDate()));
  }

  private ZonedDateTime plusWorkingTime(ZonedDateTime from, Duration time) {
    ZonedDateTime at = nextWorkingMoment(from);
    Duration left = time;
    while (true) {
      Duration restOfDay = Duration.between(at, endOf(at.toLocalDate()));
      if (left.compareTo(restOfDay) <= 0) {
        return at.plus(left);
      }
      left = left.minus(restOfDay);
      at = startOf(nextWorkingDay(at.toLocalDate()));
    }
  }

  /** The moment itself if it is within working time, else the next start of working time. */
  private ZonedDateTime nextWorkingMoment(ZonedDateTime moment) {
    LocalDate day = moment.toLocalDate();
    LocalTime time = moment.toLocalTime();
    if (isWorkingDay(day) && time.isBefore(properties.workdayEnd())) {
      return time.isBefore(properties.workdayStart()) ? startOf(day) : moment;
    }
    return startOf(nextWorkingDay(day));
  }

  private LocalDate nextWorkingDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private ZonedDateTime startOf(LocalDate day) {
    return day.atTime(properties.workdayStart()).atZone(zone());
  }

  private ZonedDateTime endOf(LocalDate day) {
    return day.atTime(properties.workdayEnd()).atZone(zone());
  }

  /** An ISO-8601 duration split at "T": the date part as a {@link Period}, the time part as a {@link Duration}. */
  private record ParsedDuration(Period period, Duration time, boolean hasDatePart, boolean hasTimePart,
      boolean daysOnly) {

    static ParsedDuration parse(String text) {
      String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
      int t = upper.indexOf('T');
      String datePart = t < 0 ? upper : upper.substring(0, t);
      String timePart = t < 0 ? "" : upper.substring(t + 1);
      boolean hasDate = datePart.length() > 1;
      boolean hasTime = t >= 0;
      // A time limit runs forwards: no sign anywhere (Period and Duration would accept "-P1D" and "P-1D").
      if (!upper.startsWith("P") || !hasDate && !hasTime || upper.contains("-") || upper.contains("+")) {
        throw invalid(text, null);
      }
      try {
        Period period = hasDate ? Period.parse(datePart) : Period.ZERO;
        Duration time = hasTime ? Duration.parse("PT" + timePart) : Duration.ZERO;
        boolean daysOnly = period.getYears() == 0 && period.getMonths() == 0 && !datePart.contains("W");
        return new ParsedDuration(period, time, hasDate, hasTime, daysOnly);
      } catch (DateTimeParseException e) {
        throw invalid(text, e);
      }
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
      return new IllegalArgumentException(
          "Not a positive ISO-8601 duration (e.g. PT3H, P2D, P3M, P1DT2H): '" + text + "'", cause);
    }
  }
}
