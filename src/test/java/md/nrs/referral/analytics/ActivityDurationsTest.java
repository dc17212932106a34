package md.nrs.referral.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActivityDurationsTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();

  @Test
  void aDurationOnABoundBelongsToTheBucketItOpens() {
    assertThat(ActivityDurations.bucket(0)).isZero();
    assertThat(ActivityDurations.bucket(999)).isZero();
    assertThat(ActivityDurations.bucket(1000)).isEqualTo(1);
    assertThat(ActivityDurations.bucket(Duration.ofDays(180).toMillis())).isEqualTo(ActivityDurations.BUCKETS - 1);
    assertThat(ActivityDurations.column(ActivityDurations.BUCKETS - 1)).isEqualTo("h35");
  }

  @Test
  void percentilesFallInTheBucketOfTheExactValue() {
    ActivityDurations durations = new ActivityDurations();
    for (int h = 1; h <= 10; h++) {
      durations.add(h * HOUR);
    }

    // exact median 5.5 h lies in [4 h, 6 h); exact 90th percentile 9.1 h in [8 h, 12 h)
    assertThat(durations.percentile(0.5)).isBetween(4 * HOUR, 6 * HOUR - 1);
    assertThat(durations.percentile(0.9)).isBetween(8 * HOUR, 10 * HOUR);
    assertThat(durations.count()).isEqualTo(10);
  }

  @Test
  void theLastBucketEndsAtTheLongestDurationSeen() {
    ActivityDurations durations = new ActivityDurations();
    long year = Duration.ofDays(365).toMillis();
    durations.add(year);

    assertThat(durations.percentile(0.5)).isBetween(Duration.ofDays(180).toMillis(), year);
    assertThat(durations.percentile(1.0)).isEqualTo(year);
  }

  @Test
  void rowsOfSeveralDaysAddUp() {
    ActivityDurations durations = new ActivityDurations();
    long[] day = new long[ActivityDurations.BUCKETS];
    day[ActivityDurations.bucket(2 * HOUR)] = 3;
    durations.add(day, 2 * HOUR + 5);
    durations.add(day, 2 * HOUR + 9);

    assertThat(durations.count()).isEqualTo(6);
    assertThat(ActivityDurations.bucket(durations.percentile(0.5))).isEqualTo(ActivityDurations.bucket(2 * HOUR));
  }

  @Test
  void noDurationsNoPercentile() {
    assertThat(new ActivityDurations().percentile(0.5)).isNull();
  }
}
