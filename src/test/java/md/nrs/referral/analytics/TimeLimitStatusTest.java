package md.nrs.referral.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The badge colour follows the step's own time limit, never its rank among the others. */
class TimeLimitStatusTest {

  @Test
  void anythingWaitingPastItsLimitIsOverdueWhateverElse() {
    assertThat(TimeLimitStatus.of(1, 1.2, 0, true)).isEqualTo(TimeLimitStatus.OVERDUE);
    assertThat(TimeLimitStatus.of(1, null, 0, false)).isEqualTo(TimeLimitStatus.OVERDUE);
  }

  @Test
  void threeQuartersOfTheLimitUsedOrAQuarterLateInThePeriodIsAtRisk() {
    assertThat(TimeLimitStatus.of(0, 0.75, 0, true)).isEqualTo(TimeLimitStatus.AT_RISK);
    assertThat(TimeLimitStatus.of(0, 0.1, 0.25, true)).isEqualTo(TimeLimitStatus.AT_RISK);
  }

  @Test
  void withinTheLimitIsOnTimeAndAStepWithoutLimitSaysSo() {
    assertThat(TimeLimitStatus.of(0, 0.74, 0.24, true)).isEqualTo(TimeLimitStatus.ON_TIME);
    assertThat(TimeLimitStatus.of(0, null, 0, true)).isEqualTo(TimeLimitStatus.ON_TIME);
    assertThat(TimeLimitStatus.of(0, null, 0, false)).isEqualTo(TimeLimitStatus.NO_LIMIT);
  }

  @Test
  void theMostOverdueComeFirst() {
    assertThat(TimeLimitStatus.values()).startsWith(TimeLimitStatus.OVERDUE, TimeLimitStatus.AT_RISK);
  }
}
