package md.nrs.referral.benchmark;

/**
 * Sizes of a run. Full ({@code ./mvnw verify -Pbenchmark}) writes docs/benchmarks.md; fast
 * ({@code -Dnrs.benchmark.mode=fast}, in CI) keeps every figure but at small sizes, to keep the harness
 * working in a few minutes. Full sizes: -Dnrs.benchmark.referrals, .requests, .path-cases, .activity-rows, .profiled,
 * .open-cases, .closed-cases, .storm-steps, .storm-databases.
 */
final class BenchmarkMode {

  final String name;
  final boolean full;
  /** Runs per figure: each figure is the median of these, with min and max. */
  final int runs;
  /** Referrals posted per intake run (3 runs × 1, 4 and 16 clients: 9 runs in all, each adding open cases). */
  final int referralsPerRun;
  /** Requests per percentile (after a fifth as many warm-up requests). */
  final int requests;
  /** Whole cases per run of the platform and the raw engine. */
  final int[] pathCases;
  /** Historic activity instances for the bottleneck queries. */
  final int[] activityRows;
  /** Page size of the SLA sweep during the storm (fast mode: small, so paging is exercised with few steps). */
  final int sweepPage;
  /** Platform cases run under the flight recorder. */
  final int profiledCases;
  /** Overdue steps of the storm alone at each size (item 4: 10,000 at once); fresh cases are opened for each. */
  final int[] stormSteps;
  /** Databases of the storm alone (h2, postgres). */
  final String[] stormDatabases;
  /** Open cases cloned up to at each size of the task-list figures (PostgreSQL; item 3). */
  final int[] openCases;
  /** Closed cases cloned up to at each size, beside the open ones. */
  final int[] closedCases;
  /**
   * Which parts run: h2, postgres, analytics, scale (-Dnrs.benchmark.parts=h2,analytics); all by default.
   * "scale" runs inside the PostgreSQL suite, at its end; alone (without "postgres") it runs on a database of its own.
   * "path" (not in the default) runs the whole cases alone on H2 (Java API, HTTP, raw engine); "h2" includes them.
   * "storm" runs the overdue storm alone at its own sizes, on fresh cases.
   */
  final java.util.Set<String> databases = java.util.Set.of(System.getProperty("nrs.benchmark.parts",
      "h2,postgres,analytics,scale,storm").split(","));

  private BenchmarkMode(String name, boolean full, int runs, int referralsPerRun, int requests, int[] pathCases,
      int[] activityRows, int sweepPage, int profiledCases, int[] stormSteps, String stormDatabases, int[] openCases,
      int[] closedCases) {
    this.name = name;
    this.full = full;
    this.runs = runs;
    this.referralsPerRun = referralsPerRun;
    this.requests = requests;
    this.pathCases = pathCases;
    this.activityRows = activityRows;
    this.sweepPage = sweepPage;
    this.profiledCases = profiledCases;
    this.stormSteps = sizes("nrs.benchmark.storm-steps", java.util.Arrays.stream(stormSteps).mapToObj(String::valueOf)
        .collect(java.util.stream.Collectors.joining(",")));
    this.stormDatabases = System.getProperty("nrs.benchmark.storm-databases", stormDatabases).split(",");
    this.openCases = openCases;
    this.closedCases = closedCases;
  }

  private static int[] sizes(String property, String fallback) {
    return java.util.Arrays.stream(System.getProperty(property, fallback).split(",")).mapToInt(v -> Integer.parseInt(v.trim()))
        .toArray();
  }

  static BenchmarkMode current() {
    if ("fast".equalsIgnoreCase(System.getProperty("nrs.benchmark.mode", "full"))) {
      return new BenchmarkMode("fast", false, 3, 5, 10, new int[] {1, 2, 3}, new int[] {2_000, 5_000, 10_000}, 20, 2,
          new int[] {20, 40}, "h2", new int[] {20, 40, 60}, new int[] {40, 80, 120});
    }
    return new BenchmarkMode("full", true, 3, Integer.getInteger("nrs.benchmark.referrals", 300),
        Integer.getInteger("nrs.benchmark.requests", 50), sizes("nrs.benchmark.path-cases", "2,4,8"),
        sizes("nrs.benchmark.activity-rows", "10000,100000,1000000"), 500, Integer.getInteger("nrs.benchmark.profiled", 10),
        new int[] {1_000, 3_000, 10_000}, "postgres", sizes("nrs.benchmark.open-cases", "1000,3000,10000"), sizes("nrs.benchmark.closed-cases", "10000,30000,100000"));
  }
}
