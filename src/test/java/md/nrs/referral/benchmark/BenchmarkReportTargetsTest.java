package md.nrs.referral.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated page judges each target from the medians it measured, and names the gap's cause when one is missed. */
class BenchmarkReportTargetsTest {

  @TempDir
  Path docs;

  private final BenchmarkReport report = new BenchmarkReport("test");

  BenchmarkReportTargetsTest() {
    report.define(new BenchmarkReport.Figure("list-p95", "Lists", "List p95", "ms", "open cases", false, "p95 ≤ 100 ms", null));
    report.define(new BenchmarkReport.Figure("rate", "Rates", "Rate", "cases/s", "cases", true, "≥ 0.8×", null));
  }

  @Test
  void aLimitIsJudgedOnTheWorstMedianAtTheLargestSizeOfTheJudgedSeries() {
    report.target(new BenchmarkReport.Target("list-p95", "3", "p95 ≤ 100 ms", 100, "p95", true, "the count reads every task"));
    report.add("list-p95", "p95", 1_000, List.of(300.0, 310.0, 320.0)); // a smaller size: not judged
    report.add("list-p95", "p95", 10_000, List.of(90.0, 95.0, 400.0)); // median 95 despite one slow run
    report.add("list-p95", "p50", 10_000, List.of(500.0)); // another series: not judged

    BenchmarkReport.Target target = new BenchmarkReport.Target("list-p95", "3", "p95 ≤ 100 ms", 100, "p95", true, "x");
    BenchmarkReport.Point judged = report.judged(target).orElseThrow();

    assertThat(judged.size()).isEqualTo(10_000);
    assertThat(judged.median()).isEqualTo(95.0);
    assertThat(report.met(target, judged)).isTrue();
  }

  @Test
  void aTargetMissedAtAnySizeIsWrittenAsNotMetWithItsCause() throws Exception {
    report.target(new BenchmarkReport.Target("rate", "2", "≥ 0.8×", 0.8, null, false, "six process instances per case"));
    report.add("rate", "H2", 1, List.of(0.9, 1.0, 1.1));
    report.add("rate", "PostgreSQL", 2, List.of(0.1, 0.2, 0.3));

    Path page = docs.resolve("benchmarks.md");
    report.write(page, docs.resolve("benchmarks"), "abc1234", "0.1 0.1 0.1");

    assertThat(Files.readString(page)).contains("## Targets")
        .contains("| 2 | ≥ 0.8× | Rate, PostgreSQL at 2 cases: 0.20 cases/s | **no**: six process instances per case |");
  }

  @Test
  void aTargetWithoutMeasurementsSaysSoInsteadOfPassing() throws Exception {
    report.target(new BenchmarkReport.Target("rate", "2", "≥ 0.8×", 0.8, null, false, "cause"));
    report.add("list-p95", "p95", 10, List.of(1.0));

    Path page = docs.resolve("benchmarks.md");
    report.write(page, docs.resolve("benchmarks"), "abc1234", "0.1 0.1 0.1");

    assertThat(Files.readString(page)).contains("| 2 | ≥ 0.8× | not measured in this run | — |");
  }
}
