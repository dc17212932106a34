package md.nrs.referral.incidents;

import java.time.Duration;

/** Limits of a report on a case. */
final class IncidentLimits {

  /** Characters of the optional note. */
  static final int NOTE_MAX = 2000;
  /** A second identical report by the same user within this window is taken for a double click. */
  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);

  private IncidentLimits() {
  }
}
