package md.nrs.referral.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A step's standing against its time limit — the badge colour in Cockpit — from the tasks' due dates, which
 * come from {@code sla-durations.dmn}. Not a rank among steps: a quick step with nothing waiting is on time
 * however slow the others are.
 */
public enum TimeLimitStatus {
  /** Something waits there past its time limit now (red, the warning colour). */
  OVERDUE("overdue"),
  /** Nothing overdue, but a waiting task has used three quarters of its limit, or a quarter or more of the
   *  period's tasks went past it (amber). */
  AT_RISK("at-risk"),
  /** Within the time limit (green). */
  ON_TIME("on-time"),
  /** The step has no time limit (no due dates, no row in the table): grey. */
  NO_LIMIT("no-limit");

  static final double AT_RISK_USED = 0.75;
  static final double AT_RISK_BREACH_RATE = 0.25;

  private final String code;

  TimeLimitStatus(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  static TimeLimitStatus of(long overdue, Double limitUsed, double breachRate, boolean hasLimit) {
    if (overdue > 0) {
      return OVERDUE;
    }
    if ((limitUsed != null && limitUsed >= AT_RISK_USED) || breachRate >= AT_RISK_BREACH_RATE) {
      return AT_RISK;
    }
    return hasLimit || limitUsed != null ? ON_TIME : NO_LIMIT;
  }
}
