package md.nrs.referral.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain SVG line chart, written by hand so the report needs no charting library: the size on a
 * logarithmic x axis (sizes grow by factors), the median on a linear y axis from 0, one coloured line
 * per database with its min–max range as a vertical bar at each point.
 */
final class Svg {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int LEFT = 70;
  private static final int RIGHT = 150;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private Svg() {
  }

  static String lineChart(String title, String xLabel, String unit, Map<String, TreeMap<Long, BenchmarkReport.Point>> lines) {
    long minX = lines.values().stream().mapToLong(TreeMap::firstKey).min().orElse(1);
    long maxX = lines.values().stream().mapToLong(TreeMap::lastKey).max().orElse(1);
    double maxY = lines.values().stream().flatMap(l -> l.values().stream()).mapToDouble(BenchmarkReport.Point::max).max()
        .orElse(1);
    maxY = niceCeiling(maxY);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    boolean logX = minX > 0 && maxX / (double) minX >= 4;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", LEFT,
        escape(title)));
    // axes
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT,
        HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT,
        HEIGHT - BOTTOM));
    for (int i = 0; i <= 4; i++) {
      double value = maxY * i / 4;
      double y = HEIGHT - BOTTOM - plotH * i / 4;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y,
          WIDTH - RIGHT, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
          BenchmarkReport.number(value)));
    }
    java.util.SortedSet<Long> xs = new java.util.TreeSet<>();
    lines.values().forEach(l -> xs.addAll(l.keySet()));
    for (long x : xs) {
      double px = x(x, minX, maxX, logX, plotW);
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px,
          HEIGHT - BOTTOM + 16, String.format(Locale.ROOT, "%,d", x)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n", LEFT + plotW / 2,
        HEIGHT - 12, escape(xLabel), logX ? " (log scale)" : ""));
    s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">%s</text>%n",
        TOP + plotH / 2, TOP + plotH / 2, escape(unit)));
    int colour = 0;
    for (Map.Entry<String, TreeMap<Long, BenchmarkReport.Point>> line : lines.entrySet()) {
      String c = COLOURS[colour++ % COLOURS.length];
      StringBuilder path = new StringBuilder();
      for (BenchmarkReport.Point p : line.getValue().values()) {
        double px = x(p.size(), minX, maxX, logX, plotW);
        double py = y(p.median(), maxY, plotH);
        path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"0.5\" stroke-width=\"6\"/>%n",
            px, y(p.min(), maxY, plotH), px, y(p.max(), maxY, plotH), c));
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", px, py, c));
      }
      s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, c));
      int legendY = TOP + 10 + 18 * (colour - 1);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
          WIDTH - RIGHT + 14, legendY - 10, c));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 30, legendY,
          escape(line.getKey())));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">bars: min–max</text>%n", WIDTH - RIGHT + 14,
        HEIGHT - BOTTOM));
    s.append("</svg>\n");
    return s.toString();
  }

  private static double x(long value, long min, long max, boolean log, double plotW) {
    if (max == min) {
      return LEFT + plotW / 2;
    }
    double fraction = log ? Math.log((double) value / min) / Math.log((double) max / min)
        : (double) (value - min) / (max - min);
    return LEFT + 20 + (plotW - 40) * fraction;
  }

  private static double y(double value, double maxY, double plotH) {
    return HEIGHT - BOTTOM - plotH * (value / maxY);
  }

  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : List.of(1.0, 2.0, 2.5, 5.0, 10.0)) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
