package md.nrs.referral.analytics;

import java.time.Duration;
import java.util.Arrays;

/**
 * A step's durations as a histogram with fixed buckets (the summary's columns h00..h35): what a day's rows add
 * up to, and the percentiles read from it. A percentile is found in its bucket and placed in it by linear
 * interpolation, so it is approximate: always inside the bucket that holds the exact nearest-rank value (the
 * value at rank ⌈p × count⌉, SQL's PERCENTILE_DISC), never further off than that bucket is wide (the bounds grow
 * with the duration: 3 minutes wide near 2 minutes, 4 hours near 10 hours).
 */
public final class ActivityDurations {

  /** Upper bounds (exclusive) of buckets 0..34 in milliseconds; bucket 35 holds everything from 180 days on. */
  public static final long[] BOUNDS = millis(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(45),
      Duration.ofHours(1), Duration.ofMinutes(90), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(4),
      Duration.ofHours(6), Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(16), Duration.ofDays(1),
      Duration.ofHours(36), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(4), Duration.ofDays(5),
      Duration.ofDays(7), Duration.ofDays(10), Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(30),
      Duration.ofDays(45), Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(180));
  public static final int BUCKETS = BOUNDS.length + 1;

  private final long[] counts = new long[BUCKETS];
  private long max;

  /** The bucket a duration falls in. */
  public static int bucket(long millis) {
    int found = Arrays.binarySearch(BOUNDS, millis);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The column of a bucket: h00..h35. */
  public static String column(int bucket) {
    return String.format(java.util.Locale.ROOT, "h%02d", bucket);
  }

  /** Where bucket {@code b} starts, in milliseconds. */
  public static long lowerBound(int b) {
    return b == 0 ? 0 : BOUNDS[b - 1];
  }

  public void add(long millis) {
    counts[bucket(millis)]++;
    max = Math.max(max, millis);
  }

  /** Adds a summary row's bucket counts and longest duration. */
  public void add(long[] bucketCounts, long longest) {
    for (int b = 0; b < BUCKETS; b++) {
      counts[b] += bucketCounts[b];
    }
    max = Math.max(max, longest);
  }

  public long count() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The {@code p}-quantile (0..1): the bucket where the rank p × count falls, and the place in it by the rank's
   * share of the bucket; the last bucket ends at the longest duration seen. Null without durations.
   */
  public Long percentile(double p) {
    long total = count();
    if (total == 0) {
      return null;
    }
    double rank = p * total;
    long before = 0;
    for (int b = 0; b < BUCKETS; b++) {
      if (counts[b] > 0 && before + counts[b] >= rank) {
        long low = lowerBound(b);
        long high = b < BOUNDS.length ? Math.min(BOUNDS[b], max + 1) : max + 1;
        double share = (rank - before) / counts[b];
        return Math.round(low + share * Math.max(0, high - low - 1));
      }
      before += counts[b];
    }
    return max;
  }

  private static long[] millis(Duration... durations) {
    return Arrays.stream(durations).mapToLong(Duration::toMillis).toArray();
  }
}
