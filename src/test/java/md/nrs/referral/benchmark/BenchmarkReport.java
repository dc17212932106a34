package md.nrs.referral.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every figure the suite measured, written as docs/benchmarks.md with one table and one SVG line chart
 * per figure (median against data size, one line per database, min–max as a band). Figures are the
 * median of several runs; nothing here judges time, only that each expected figure is present.
 */
final class BenchmarkReport {

  /** One measured quantity, e.g. "referrals/s with N clients", on one database at one size. */
  record Point(String figure, String series, long size, List<Double> samples) {
    double median() {
      List<Double> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
      return Collections.min(samples);
    }

    double max() {
      return Collections.max(samples);
    }
  }

  /** What a figure is: its title, unit, what the size axis counts, and why it grows as it does. */
  record Figure(String id, String section, String title, String unit, String sizeLabel, boolean higherIsBetter,
      String target, String explanation) {
  }

  /**
   * A target of the issue, judged by the report from the figure's medians: the worst median of the judged series
   * ({@code series} null: every series), at each series' largest size or at every size. {@code gap} names the cause
   * printed when it is not met: what stands between the figure and the target, as the analysis found it.
   */
  record Target(String figure, String item, String text, double limit, String series, boolean largestSizeOnly, String gap) {
  }

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<Target> targets = new ArrayList<>();
  private final List<Point> points = new ArrayList<>();
  private final Map<String, List<String>> notes = new LinkedHashMap<>();
  private final List<String> databases = new ArrayList<>();
  private final String mode;
  private final String title;
  private final String seriesLabel;

  BenchmarkReport(String mode) {
    this(mode, "Benchmarks", "database");
  }

  /** A page of its own (e.g. the packaged start-up's), with this heading; its series are named in a column so headed. */
  BenchmarkReport(String mode, String title, String seriesLabel) {
    this.mode = mode;
    this.title = title;
    this.seriesLabel = seriesLabel;
  }

  /** The commit measured, and whether the code measured had uncommitted changes (read it at the start of a run). */
  static String commit() {
    return git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--", "src", "processes", "forms", "pom.xml",
        "docker").isEmpty() ? "" : " (with uncommitted changes)");
  }

  /** The machine's load average over 1, 5 and 15 minutes: how quiet it was while a figure was measured. */
  static String loadAverage() {
    try {
      String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return load[0] + " " + load[1] + " " + load[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  synchronized void define(Figure figure) {
    figures.putIfAbsent(figure.id(), figure);
  }

  synchronized void target(Target target) {
    if (!figures.containsKey(target.figure())) {
      throw new IllegalArgumentException("target of an undefined figure " + target.figure());
    }
    targets.add(target);
  }

  synchronized void add(String figure, String series, long size, List<Double> samples) {
    if (!figures.containsKey(figure)) {
      throw new IllegalArgumentException("undefined figure " + figure);
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples for " + figure + " " + series + " " + size);
    }
    points.add(new Point(figure, series, size, List.copyOf(samples)));
    Point p = points.get(points.size() - 1);
    System.out.printf(Locale.ROOT, "BENCHMARK %-28s %-10s size %,9d: median %s (min %s, max %s) %s, %d runs%n", figure,
        series, size, number(p.median()), number(p.min()), number(p.max()), figures.get(figure).unit(), samples.size());
  }

  synchronized void note(String section, String text) {
    notes.computeIfAbsent(section, k -> new ArrayList<>()).add(text);
    System.out.println("BENCHMARK note [" + section + "] " + text);
  }

  synchronized void database(String description) {
    databases.add(description);
  }

  List<Point> points(String figure) {
    return points.stream().filter(p -> p.figure().equals(figure)).toList();
  }

  /** Figures defined but never measured: the suite fails on these (a missing figure is a wrong result). */
  List<String> missing() {
    return figures.keySet().stream().filter(id -> points(id).isEmpty()).toList();
  }

  void write(Path markdown, Path chartDirectory, String commit, String loadAverage) throws IOException {
    Files.createDirectories(chartDirectory);
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append("Generated by `./mvnw verify -Pbenchmark` (`src/test/java/md/nrs/referral/benchmark/`); do not edit by hand.")
        .append(" Mode: **").append(mode).append("**.\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| date | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
    md.append("| commit | `").append(commit).append("` |\n");
    md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
    md.append("| memory | ").append(physicalMemory()).append(", JVM max heap ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB |\n");
    md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
        .append(" |\n");
    md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(" |\n");
    for (String database : databases) {
      md.append("| database | ").append(database).append(" |\n");
    }
    md.append("| load average | ").append(loadAverage).append(" |\n\n");
    md.append("""
        The machine is shared with other work while the suite runs (see the load average above): absolute
        figures are noisy, and the comparisons that matter are the ratios measured in the same process, one
        right after the other. Each figure is the median of several runs, with the minimum and maximum.
        The suite fails only on wrong results (a case not finished, a breach recorded twice or not at all,
        a figure missing), never on time.

        """);
    writeTargets(md);
    Map<String, List<Figure>> bySection = new LinkedHashMap<>();
    figures.values().forEach(f -> bySection.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f));
    for (Map.Entry<String, List<Figure>> section : bySection.entrySet()) {
      md.append("## ").append(section.getKey()).append("\n\n");
      for (String text : notes.getOrDefault(section.getKey(), List.of())) {
        md.append(text).append("\n\n");
      }
      for (Figure figure : section.getValue()) {
        writeFigure(md, figure, chartDirectory, markdown.getParent());
      }
    }
    Files.writeString(markdown, md.toString());
  }

  /** The targets table: each target, the worst median it is judged on, met or not, and if not, the gap's cause. */
  private void writeTargets(StringBuilder md) {
    if (targets.isEmpty()) {
      return;
    }
    md.append("## Targets\n\n| item | target | judged on (worst median) | met? |\n|---|---|---|---|\n");
    for (Target target : targets) {
      Figure figure = figures.get(target.figure());
      Point worst = judged(target).orElse(null);
      md.append("| ").append(target.item()).append(" | ").append(target.text()).append(" | ");
      if (worst == null) {
        md.append("not measured in this run | — |\n");
        continue;
      }
      md.append(figure.title()).append(", ").append(worst.series()).append(String.format(Locale.ROOT, " at %,d ", worst.size()))
          .append(figure.sizeLabel()).append(": ").append(number(worst.median())).append(' ').append(figure.unit())
          .append(" | ").append(met(target, worst) ? "yes" : "**no**: " + target.gap()).append(" |\n");
    }
    md.append('\n');
  }

  /** The point a target is judged on: the worst median among its series (at their largest size, or at every size). */
  Optional<Point> judged(Target target) {
    boolean higherIsBetter = figures.get(target.figure()).higherIsBetter();
    List<Point> candidates = new ArrayList<>();
    for (TreeMap<Long, Point> line : series(points(target.figure())).values()) {
      line.values().stream().filter(p -> target.series() == null || target.series().equals(p.series()))
          .filter(p -> !target.largestSizeOnly() || p.size() == line.lastKey()).forEach(candidates::add);
    }
    Comparator<Point> byMedian = Comparator.comparingDouble(Point::median);
    return candidates.stream().max(higherIsBetter ? byMedian.reversed() : byMedian);
  }

  boolean met(Target target, Point worst) {
    return figures.get(target.figure()).higherIsBetter() ? worst.median() >= target.limit() : worst.median() <= target.limit();
  }

  private void writeFigure(StringBuilder md, Figure figure, Path chartDirectory, Path docs) throws IOException {
    List<Point> measured = points(figure.id());
    md.append("### ").append(figure.title()).append("\n\n");
    if (measured.isEmpty()) {
      md.append("Not measured in this run.\n\n");
      return;
    }
    md.append("| ").append(seriesLabel).append(" | ").append(figure.sizeLabel())
        .append(" | median | min | max | runs |\n|---|---:|---:|---:|---:|---:|\n");
    for (Point p : measured) {
      md.append("| ").append(p.series()).append(" | ").append(String.format(Locale.ROOT, "%,d", p.size())).append(" | ")
          .append(number(p.median())).append(' ').append(figure.unit()).append(" | ").append(number(p.min())).append(" | ")
          .append(number(p.max())).append(" | ").append(p.samples().size()).append(" |\n");
    }
    md.append('\n');
    Path svg = chartDirectory.resolve(figure.id() + ".svg");
    Files.writeString(svg, Svg.lineChart(figure.title(), figure.sizeLabel(), figure.unit(), series(measured)));
    md.append("![").append(figure.title()).append("](").append(docs.relativize(svg).toString().replace('\\', '/'))
        .append(")\n\n");
    if (figure.target() != null) {
      md.append("Target: ").append(figure.target()).append(".\n\n");
    }
    for (Map.Entry<String, TreeMap<Long, Point>> line : series(measured).entrySet()) {
      md.append("- ").append(line.getKey()).append(": ").append(growth(line.getValue())).append('\n');
    }
    md.append('\n');
    if (figure.explanation() != null) {
      md.append(figure.explanation()).append("\n\n");
    }
  }

  /** Grows flat, linearly or worse: the slope of log(median) against log(size) from the first to the last size. */
  static String growth(TreeMap<Long, Point> line) {
    if (line.size() < 2 || line.firstKey() <= 0) {
      return "one size only";
    }
    Point first = line.firstEntry().getValue();
    Point last = line.lastEntry().getValue();
    if (first.median() <= 0 || last.median() <= 0) {
      return "not comparable (zero)";
    }
    double slope = Math.log(last.median() / first.median()) / Math.log((double) line.lastKey() / line.firstKey());
    String shape = Math.abs(slope) < 0.15 ? "flat" : slope < 0 ? "falls as the size grows"
        : slope < 0.75 ? "sub-linear" : slope < 1.25 ? "linear" : "worse than linear";
    return String.format(Locale.ROOT, "%s (×%.2f for ×%.0f the size; log-log slope %.2f)", shape,
        last.median() / first.median(), (double) line.lastKey() / line.firstKey(), slope);
  }

  static Map<String, TreeMap<Long, Point>> series(List<Point> measured) {
    Map<String, TreeMap<Long, Point>> lines = new LinkedHashMap<>();
    measured.forEach(p -> lines.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.size(), p));
    return lines;
  }

  static String number(double value) {
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return String.format(Locale.ROOT, "%,d MiB", os.getTotalMemorySize() / (1024 * 1024));
    }
    return "unknown";
  }
}
