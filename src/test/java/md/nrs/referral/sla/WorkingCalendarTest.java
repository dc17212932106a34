package md.nrs.referral.sla;

import static md.nrs.referral.sla.WorkingCalendar.Mode.AROUND_THE_CLOCK;
import static md.nrs.referral.sla.WorkingCalendar.Mode.WORKING_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import md.nrs.referral.sla.WorkingCalendar.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Moldova's business calendar with the default settings (Europe/Chisinau, 08:00-17:00) unless a test says otherwise. */
class WorkingCalendarTest {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

  private final WorkingCalendar calendar = new WorkingCalendar(CalendarProperties.defaults());

  @ParameterizedTest(name = "the public holidays of {0} are exactly {1}")
  @CsvSource(delimiter = '|', value = {
      "2026 | 2026-01-01 2026-01-07 2026-01-08 2026-03-08 2026-04-12 2026-04-13 2026-04-20 2026-05-01 2026-05-09 "
          + "2026-06-01 2026-08-27 2026-08-31 2026-12-25",
      "2027 | 2027-01-01 2027-01-07 2027-01-08 2027-03-08 2027-05-01 2027-05-02 2027-05-03 2027-05-09 2027-05-10 "
          + "2027-06-01 2027-08-27 2027-08-31 2027-12-25",
      // Easter on 1 May and Memorial Easter on 9 May: each day is listed once.
      "2016 | 2016-01-01 2016-01-07 2016-01-08 2016-03-08 2016-05-01 2016-05-02 2016-05-09 2016-06-01 2016-08-27 "
          + "2016-08-31 2016-12-25",
  })
  void thePublicHolidaysOfAYearAreExactly(int year, String days) {
    assertThat(calendar.publicHolidays(year)).containsExactlyElementsOf(dates(days));
  }

  @ParameterizedTest(name = "Orthodox Easter {0} is on Sunday {1}, with holidays on the Monday after and the Monday a week later")
  @CsvSource({
      "2021, 2021-05-02",
      "2023, 2023-04-16",
      "2024, 2024-05-05",
      "2025, 2025-04-20",
      "2026, 2026-04-12",
      "2027, 2027-05-02",
      "2028, 2028-04-16",
      "2030, 2030-04-28",
  })
  void orthodoxEasterIsOnTheKnownSunday(int year, LocalDate easter) {
    assertThat(WorkingCalendar.orthodoxEaster(year)).isEqualTo(easter);
    assertThat(calendar.publicHolidays(year)).contains(easter, easter.plusDays(1), easter.plusDays(8));
    assertThat(calendar.isWorkingDay(easter.plusDays(2))).as("Tuesday after Easter").isTrue();
    assertThat(calendar.isWorkingDay(easter.plusDays(8))).as("Memorial Easter Monday").isFalse();
  }

  @ParameterizedTest(name = "{0} ({1}) is a working day: {2}")
  @CsvSource({
      "2026-11-27, an ordinary Friday,                        true",
      "2026-11-28, a Saturday,                                false",
      "2026-11-29, a Sunday,                                  false",
      "2025-12-31, the last day of 2025,                      true",
      "2026-01-01, New Year,                                  false",
      "2026-01-02, the Friday after New Year,                 true",
      "2026-01-07, Orthodox Christmas,                        false",
      "2026-01-08, Orthodox Christmas second day,             false",
      "2026-01-09, the Friday after Orthodox Christmas,       true",
      "2026-03-09, the Monday after 8 March on a Sunday,      true",
      "2026-04-10, Good Friday (not a holiday),               true",
      "2026-04-13, Easter Monday,                             false",
      "2026-04-14, Easter Tuesday,                            true",
      "2026-04-20, Memorial Easter,                           false",
      "2026-05-01, Labour Day,                                false",
      "2026-05-11, the Monday after 9 May on a Saturday,      true",
      "2026-06-01, Children's Day,                            false",
      "2026-08-27, Independence Day,                          false",
      "2026-08-31, National Language Day,                     false",
      "2026-12-24, Christmas Eve,                             true",
      "2026-12-25, Christmas,                                 false",
      "2026-12-31, the last day of 2026,                      true",
      "2027-12-27, the Monday after 25 December on a Saturday, true",
  })
  void aDayIsAWorkingDayOnlyOnWeekdaysThatAreNoHoliday(LocalDate day, String what, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @ParameterizedTest(name = "{3}: {1} from {0} falls due at {2}")
  @CsvSource({
      "2026-11-27T15:00, P2D, 2026-12-01T17:00, a Friday afternoon plus two working days is Tuesday's close",
      "2026-11-23T09:00, P1D, 2026-11-24T17:00, Monday plus one working day is Tuesday's close",
      "2026-11-23T07:00, P1D, 2026-11-24T17:00, the start day never counts even before opening",
      "2026-11-23T23:30, P1D, 2026-11-24T17:00, the start day never counts even late at night",
      "2026-11-28T10:00, P1D, 2026-11-30T17:00, a Saturday start counts from Monday",
      "2026-12-24T10:00, P1D, 2026-12-28T17:00, Christmas and the weekend are skipped",
      "2025-12-31T12:00, P1D, 2026-01-02T17:00, New Year is skipped",
      "2026-12-31T12:00, P1D, 2027-01-04T17:00, New Year on a Friday and the weekend are skipped",
      "2025-12-31T12:00, P4D, 2026-01-09T17:00, the year end counts across 1 and 7-8 January",
      "2026-01-06T12:00, P1D, 2026-01-09T17:00, Orthodox Christmas is skipped",
      "2026-04-09T12:00, P2D, 2026-04-14T17:00, Easter Monday is skipped",
      "2026-04-17T12:00, P1D, 2026-04-21T17:00, Memorial Easter is skipped",
      "2026-11-23T10:00, P0D, 2026-11-23T17:00, no days on a working day is that day's close",
      "2026-11-23T18:00, P0D, 2026-11-23T17:00, no days after the close is still that day's close (already due)",
      "2026-11-28T10:00, P0D, 2026-11-30T17:00, no days on a Saturday is Monday's close",
      "2026-11-23T10:00, p2d, 2026-11-25T17:00, lower-case text is read too",
  })
  void workingDaysEndAtTheCloseOfTheNthWorkingDayAfterTheStartDay(String start, String duration, String due,
      String why) {
    assertThat(calendar.dueAfter(at(start), duration, WORKING_DAYS)).isEqualTo(local(due));
  }

  @ParameterizedTest(name = "{3}: {1} from {0} falls due at {2}")
  @CsvSource({
      "2026-11-27T16:00, PT2H,   2026-11-30T09:00, Friday's last hour then Monday's first",
      "2026-11-27T15:00, PT2H,   2026-11-27T17:00, two hours that end exactly at the close stay that day",
      "2026-11-23T09:00, PT3H,   2026-11-23T12:00, hours within one working day",
      "2026-11-23T07:00, PT3H,   2026-11-23T11:00, a start before opening counts from opening",
      "2026-11-23T18:00, PT30M,  2026-11-24T08:30, a start after the close counts from the next opening",
      "2026-11-28T10:00, PT1H,   2026-11-30T09:00, a Saturday start counts from Monday's opening",
      "2026-11-28T10:00, PT0H,   2026-11-30T08:00, no time on a Saturday is Monday's opening",
      "2026-11-23T08:00, PT9H,   2026-11-23T17:00, a full working day",
      "2026-11-23T08:00, PT10H,  2026-11-24T09:00, a working day and one hour",
      "2026-11-23T08:00, PT24H,  2026-11-25T14:00, twenty-four working hours are two days and six hours",
      "2026-12-24T16:30, PT1H,   2026-12-28T08:30, Christmas and the weekend are skipped",
      "2026-11-23T09:00, P1DT2H, 2026-11-25T10:00, a working day then two working hours",
      "2026-11-23T09:00, P1DT0H, 2026-11-24T17:00, a zero time part adds nothing",
  })
  void workingHoursCountOnlyWorkingTime(String start, String duration, String due, String why) {
    assertThat(calendar.dueAfter(at(start), duration, WORKING_DAYS)).isEqualTo(local(due));
  }

  @ParameterizedTest(name = "{3}: {1} from {0} falls due at {2}")
  @CsvSource({
      "2026-02-10T10:00, P1M, 2026-03-10T10:00, a month ending on a working day keeps the hour",
      "2026-01-15T10:00, P1M, 2026-02-16T17:00, a month ending on a Sunday moves to Monday's close",
      "2026-07-27T10:00, P1M, 2026-08-28T17:00, a month ending on Independence Day moves to the next close",
      "2026-01-31T10:00, P3M, 2026-04-30T10:00, three months from 31 January end on 30 April",
      "2025-12-25T10:00, P1Y, 2026-12-28T17:00, a year ending on Christmas moves past the weekend",
      "2026-12-10T10:00, P2W, 2026-12-24T10:00, weeks are calendar weeks",
      "2026-12-11T10:00, P2W, 2026-12-28T17:00, two weeks ending on Christmas move past the weekend",
  })
  void monthsYearsAndWeeksCountOnTheCalendarAndEndOnAWorkingDay(String start, String duration, String due,
      String why) {
    assertThat(calendar.dueAfter(at(start), duration, WORKING_DAYS)).isEqualTo(local(due));
  }

  @ParameterizedTest(name = "{3}: {1} from {0} falls due at {2}")
  @CsvSource({
      "2026-11-27T16:00, PT2H,   2026-11-27T18:00, hours run through the evening",
      "2026-11-27T16:00, PT30M,  2026-11-27T16:30, minutes",
      "2026-11-28T10:00, PT3H,   2026-11-28T13:00, hours run on a Saturday",
      "2026-12-24T10:00, PT72H,  2026-12-27T10:00, hours run through Christmas and the weekend",
      "2026-12-10T10:00, P30D,   2027-01-09T10:00, days are calendar days",
      "2026-01-31T10:00, P3M,    2026-04-30T10:00, months are calendar months",
      "2026-11-27T16:00, P1DT2H, 2026-11-28T18:00, a day and two hours",
      "2026-03-29T01:00, PT3H,   2026-03-29T05:00, hours are elapsed time across the spring clock change",
      "2026-03-28T10:00, P1D,    2026-03-29T10:00, a day keeps the clock hour across the spring clock change",
  })
  void aroundTheClockAddsTheDurationAsItIs(String start, String duration, String due, String why) {
    assertThat(calendar.dueAfter(at(start), duration, AROUND_THE_CLOCK)).isEqualTo(local(due));
  }

  @ParameterizedTest(name = "{3}: {1} from {0} in {2} falls due at Chisinau time {4}")
  @CsvSource({
      "2026-11-27T14:00Z,      PT2H, WORKING_DAYS,     a UTC start is read in Chisinau time, 2026-11-30T09:00",
      "2026-11-23T22:30Z,      P1D,  WORKING_DAYS,     a UTC evening is already the next day in Chisinau, 2026-11-25T17:00",
      "2026-11-23T22:30+00:00, PT1H, AROUND_THE_CLOCK, the result is given in Chisinau time, 2026-11-24T01:30",
  })
  void aStartInAnotherZoneIsCountedInChisinau(String start, String duration, Mode mode, String why, String due) {
    ZonedDateTime result = calendar.dueAfter(at(start), duration, mode);

    assertThat(result).isEqualTo(local(due));
    assertThat(result.getZone()).isEqualTo(CHISINAU);
  }

  @ParameterizedTest(name = "''{0}'' is refused in {1}")
  @CsvSource(value = {
      "'',    WORKING_DAYS", "3 days, WORKING_DAYS", "P, AROUND_THE_CLOCK", "PT, WORKING_DAYS",
      "P1DT, WORKING_DAYS", "-P1D, WORKING_DAYS", "P-1D, AROUND_THE_CLOCK", "PT-3H, WORKING_DAYS",
      "1D, WORKING_DAYS", "P1.5D, WORKING_DAYS", "P1H, WORKING_DAYS", "PT1D, AROUND_THE_CLOCK", "NULL, WORKING_DAYS",
  }, nullValues = "NULL")
  void invalidDurationTextIsRefusedNamingTheText(String text, Mode mode) {
    ZonedDateTime start = local("2026-11-23T09:00");

    assertThatThrownBy(() -> calendar.dueAfter(start, text, mode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "from {0} (exclusive) to {1} (inclusive) there are {2} working days")
  @CsvSource({
      "2026-11-27, 2026-12-01,  2",
      "2026-12-24, 2026-12-28,  1",
      "2026-11-23, 2026-11-23,  0",
      "2026-11-28, 2026-11-29,  0",
      "2025-12-31, 2026-01-09,  4",
      "2026-12-01, 2026-11-27, -2",
      "2025-12-31, 2026-12-31, 251",
  })
  void workingDaysBetweenCountsAfterTheFirstDayUpToTheLast(LocalDate from, LocalDate to, long expected) {
    assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(expected);
  }

  @Test
  void configuredDaysOffAndWorkingHolidaysChangeOnlyTheirOwnYear() {
    WorkingCalendar configured = new WorkingCalendar(new CalendarProperties(null, null,
        dates("2026-01-02 2027-01-04"), dates("2026-06-01"), List.of(MonthDay.of(10, 14))));

    assertThat(configured.publicHolidays(2026))
        .contains(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 10, 14))
        .doesNotContain(LocalDate.of(2027, 1, 4), LocalDate.of(2026, 6, 1))
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(configured.publicHolidays(2027)).contains(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 1),
        LocalDate.of(2027, 10, 14));
    assertThat(configured.isWorkingDay(LocalDate.of(2026, 6, 1))).isTrue();
    assertThat(configured.dueAfter(local("2025-12-31T12:00"), "P1D", WORKING_DAYS)).isEqualTo(local("2026-01-05T17:00"));
    assertThat(configured.dueAfter(local("2026-05-29T12:00"), "P1D", WORKING_DAYS)).isEqualTo(local("2026-06-01T17:00"));
  }

  @Test
  void configuredWorkingHoursMoveTheCloseAndTheOpening() {
    WorkingCalendar nineToSix = new WorkingCalendar(
        new CalendarProperties(LocalTime.of(9, 0), LocalTime.of(18, 0), null, null, null));

    assertThat(nineToSix.dueAfter(local("2026-11-27T17:30"), "PT1H", WORKING_DAYS)).isEqualTo(local("2026-11-30T09:30"));
    assertThat(nineToSix.dueAfter(local("2026-11-27T17:30"), "P1D", WORKING_DAYS)).isEqualTo(local("2026-11-30T18:00"));
  }

  @Test
  void unconfiguredPropertiesTakeTheDefaults() {
    CalendarProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("nrs.calendar", CalendarProperties.class);

    assertThat(defaults).isEqualTo(new CalendarProperties(LocalTime.of(8, 0),
        LocalTime.of(17, 0), List.of(), List.of(), List.of()));
  }

  @Test
  void propertiesBindFromTheTextOfApplicationYml() {
    CalendarProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
        "nrs.calendar.workday-start", "09:00",
        "nrs.calendar.workday-end", "18:30",
        "nrs.calendar.extra-holidays", "2026-01-02,2026-04-14",
        "nrs.calendar.removed-holidays[0]", "2026-06-01",
        "nrs.calendar.local-holidays", "--10-14")))
        .bindOrCreate("nrs.calendar", CalendarProperties.class);

    assertThat(bound).isEqualTo(new CalendarProperties(LocalTime.of(9, 0),
        LocalTime.of(18, 30), dates("2026-01-02 2026-04-14"), dates("2026-06-01"), List.of(MonthDay.of(10, 14))));
  }

  @Test
  void aWorkdayThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> new CalendarProperties(LocalTime.of(17, 0), LocalTime.of(8, 0), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workday-start");
  }

  /** A local date-time in Chisinau, or an instant with its offset ("Z", "+00:00"). */
  private static ZonedDateTime at(String text) {
    return text.endsWith("Z") || text.contains("+") ? OffsetDateTime.parse(text).toZonedDateTime() : local(text);
  }

  private static ZonedDateTime local(String text) {
    return LocalDateTime.parse(text).atZone(CHISINAU);
  }

  private static List<LocalDate> dates(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(LocalDate::parse).toList();
  }
}
