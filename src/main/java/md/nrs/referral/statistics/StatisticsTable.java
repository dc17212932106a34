package md.nrs.referral.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of the national statistics: counts per category and a total, and what may be published.
 *
 * <p>Small-cell suppression: a count from 1 to 4 is published as "&lt;5". A zero is published as 0: it
 * describes nobody. In a table whose categories split its total (each person in exactly one category),
 * one suppressed cell could be worked out as the total minus the others, so the smallest other non-zero
 * cell is suppressed too and published as "x" (complementary suppression). Totals of 1 to 4 are "&lt;5".
 */
public final class StatisticsTable {

  public static final int THRESHOLD = 5;
  public static final String SMALL = "<5";
  public static final String COMPLEMENTARY = "x";

  private final String id;
  private final String title;
  private final String unit;
  private final boolean partition;
  private final Map<String, Long> counts;
  private long total;

  /** What a table counts, said on the page and in the JSON. */
  public static final String PERSONS = "persons";
  public static final String CASES = "cases";
  public static final String SERVICES = "services";
  public static final String CALLS = "calls";
  public static final String PARTICIPANTS = "participants";

  /**
   * {@code unit}: what one count is ({@link #PERSONS}: cases linked as the same person count once; {@link #CASES}:
   * every referral); {@code partition}: every counted unit falls in exactly one category, so the cells add up to
   * the total.
   */
  StatisticsTable(String id, String title, String unit, boolean partition, List<String> categories) {
    this.id = id;
    this.title = title;
    this.unit = unit;
    this.partition = partition;
    // fixed categories in their given order; open ones (countries) alphabetically, never in history's row order
    this.counts = categories.isEmpty() ? new java.util.TreeMap<>() : new LinkedHashMap<>();
    categories.forEach(c -> counts.put(c, 0L));
  }

  void count(String category) {
    counts.merge(category == null || category.isBlank() ? "unknown" : category, 1L, Long::sum);
  }

  /** One more unit in the total (for tables whose units may fall in several categories or none). */
  void countUnit() {
    total++;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String unit() {
    return unit;
  }

  public long total() {
    return partition ? counts.values().stream().mapToLong(Long::longValue).sum() : total;
  }

  /** The true counts: for tests and for the suppression, never published. */
  Map<String, Long> counts() {
    return counts;
  }

  /** What may be published, per category, in order: a number, "<5" or "x". */
  public Map<String, String> published() {
    Map<String, String> shown = new LinkedHashMap<>();
    List<String> small = new ArrayList<>();
    counts.forEach((category, count) -> {
      shown.put(category, show(count));
      if (count > 0 && count < THRESHOLD) {
        small.add(category);
      }
    });
    if (partition && small.size() == 1) {
      counts.entrySet().stream().filter(e -> e.getValue() >= THRESHOLD)
          .min(Comparator.comparingLong(Map.Entry<String, Long>::getValue))
          .ifPresent(e -> shown.put(e.getKey(), COMPLEMENTARY));
    }
    return shown;
  }

  public String publishedTotal() {
    return show(total());
  }

  /** True count for a chart bar only when it is published as a number. */
  Long publishedNumber(String category) {
    String shown = published().get(category);
    return shown.equals(SMALL) || shown.equals(COMPLEMENTARY) ? null : counts.get(category);
  }

  static String show(long count) {
    return count > 0 && count < THRESHOLD ? SMALL : Long.toString(count);
  }
}
