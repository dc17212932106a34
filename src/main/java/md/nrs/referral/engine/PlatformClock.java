package md.nrs.referral.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The platform's one clock: the engine's time (timers, task create times, history) and the platform's own
 * ("today", years, deadlines) are the same instant, so a test that moves the engine's time moves both. Its
 * zone is the one setting {@value #ZONE_SETTING} (Europe/Chisinau by default): days, working hours and
 * reporting months are Chisinau's whatever the server's zone.
 */
public final class PlatformClock extends Clock {

  /** The one key for the platform's time zone. */
  public static final String ZONE_SETTING = "nrs.time-zone";
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Chisinau");

  private static volatile ZoneId configuredZone = DEFAULT_ZONE;

  private final ZoneId zone;

  PlatformClock(ZoneId zone) {
    this.zone = zone;
  }

  /** The clock in the configured zone; the Spring {@link Clock} bean is this one. */
  static PlatformClock configure(ZoneId zone) {
    configuredZone = zone;
    return new PlatformClock(zone);
  }

  /** Now, as the engine sees it. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The platform's time zone (for code that runs without the Spring clock, e.g. static helpers). */
  public static ZoneId zone() {
    return configuredZone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new PlatformClock(other);
  }

  @Override
  public Instant instant() {
    return now();
  }

  /** The engine's {@code Date} form of now (task due dates, query bounds). */
  public static Date currentTime() {
    return Date.from(now());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlatformClock clock && clock.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode();
  }

  @Override
  public String toString() {
    return "PlatformClock[" + zone + "]";
  }
}
