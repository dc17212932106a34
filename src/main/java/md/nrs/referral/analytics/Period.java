package md.nrs.referral.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import md.nrs.referral.engine.PlatformClock;

/**
 * A reporting period [from, to): whole days in the platform's time zone, the first day included and the
 * day after the last one excluded. Without dates: the last 30 days up to now.
 */
public record Period(Instant from, Instant to) {

  public static final int DEFAULT_DAYS = 30;
  

  public Period {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
  }

  /** From the day {@code from} to the day {@code to}, both included; either may be null or blank. */
  public static Period ofDays(String from, String to, Instant now) {
    Instant end = blank(to) ? now : parse("to", to).plusDays(1).atStartOfDay(PlatformClock.zone()).toInstant();
    Instant start = blank(from) ? end.minus(Duration.ofDays(DEFAULT_DAYS)) : parse("from", from).atStartOfDay(PlatformClock.zone()).toInstant();
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("'from' must be on or before 'to'");
    }
    return new Period(start, end);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static LocalDate parse(String name, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be a date like 2026-01-31");
    }
  }
}
