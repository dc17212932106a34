package md.nrs.referral.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import md.nrs.referral.analytics.Csv;
import md.nrs.referral.analytics.Period;
import md.nrs.referral.engine.PlatformClock;

/** The national statistics of one period, as published: CSV and a printable HTML report with charts. */
public record StatisticsReport(Period period, List<StatisticsTable> tables) {

  public static final String CSV_HEADER = "table,category,count";

  public LocalDate firstDay() {
    return period.from().atZone(PlatformClock.zone()).toLocalDate();
  }

  public LocalDate lastDay() {
    return period.to().minusMillis(1).atZone(PlatformClock.zone()).toLocalDate();
  }

  public StatisticsTable table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  /** One row per published cell and one "total" row per table; small cells are "<5", complementary ones "x". */
  public String csv() {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (StatisticsTable table : tables) {
      table.published().forEach((category, shown) -> out.append(table.id()).append(',').append(Csv.cell(category))
          .append(',').append(Csv.cell(shown)).append("\r\n"));
      out.append(table.id()).append(",total,").append(Csv.cell(table.publishedTotal())).append("\r\n");
    }
    return out.toString();
  }

  /** What one count of a table is, as the page says it. */
  static String unitText(String unit) {
    return switch (unit) {
      case StatisticsTable.PERSONS -> "persons (cases a coordinator linked as the same person count once)";
      case StatisticsTable.CASES -> "cases (every referral, a person referred twice counts twice)";
      default -> unit;
    };
  }

  /** The published figures as JSON-ready maps: per table its id, title, unit, published cells and total. */
  public Map<String, Object> json() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("from", firstDay().toString());
    out.put("to", lastDay().toString());
    out.put("note", "Aggregated and anonymised: counts from 1 to 4 are \"<5\", a complementary cell \"x\". "
        + "unit \"persons\": cases linked as the same person count once; \"cases\": every referral.");
    out.put("tables", tables.stream().map(table -> {
      Map<String, Object> shown = new java.util.LinkedHashMap<>();
      shown.put("id", table.id());
      shown.put("title", table.title());
      shown.put("unit", table.unit());
      shown.put("counted", unitText(table.unit()));
      shown.put("cells", table.published());
      shown.put("total", table.publishedTotal());
      return shown;
    }).toList());
    return out;
  }

  /** A self-contained page (inline SVG bar charts, no script) that prints on A4. */
  public String html(String platformName) {
    StringBuilder out = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>National statistics</title>
        <style>
        body { font: 13px/1.4 sans-serif; color: #222; margin: 24px; }
        h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 6px; }
        section { page-break-inside: avoid; break-inside: avoid; }
        table { border-collapse: collapse; margin: 4px 0 8px; } td, th { border: 1px solid #bbb; padding: 2px 8px; }
        td.n { text-align: right; min-width: 50px; } th { background: #eee; text-align: left; }
        .note { font-size: 11px; color: #555; max-width: 760px; }
        svg text { font: 11px sans-serif; }
        @page { size: A4; margin: 15mm; } @media print { body { margin: 0; } }
        </style></head><body>
        """);
    out.append("<h1>").append(esc(platformName)).append(": national statistics</h1>");
    out.append("<p>Period: ").append(firstDay()).append(" to ").append(lastDay()).append(" (Chisinau time).</p>");
    out.append("<p class=\"note\">Aggregated and anonymised. A count from 1 to 4 is shown as &lt;5; where the cells of a "
        + "table add up to its total and only one is &lt;5, the next smallest is shown as x so the small one cannot be "
        + "worked out. A zero is shown as 0. Bars are drawn only for published numbers; hatched bars stand for &lt;5 or x.</p>");
    for (StatisticsTable table : tables) {
      out.append("<section><h2>").append(esc(table.title())).append("</h2>");
      out.append("<p class=\"note\">Counted: ").append(esc(unitText(table.unit()))).append("</p>");
      Map<String, String> shown = table.published();
      if (shown.isEmpty()) {
        out.append("<p>None in this period.</p></section>");
        continue;
      }
      out.append(chart(table, shown));
      out.append("<table><tr><th>Category</th><th>Count</th></tr>");
      shown.forEach((category, value) -> out.append("<tr><td>").append(esc(category)).append("</td><td class=\"n\">")
          .append(esc(value)).append("</td></tr>"));
      out.append("<tr><th>Total</th><th class=\"n\">").append(esc(table.publishedTotal())).append("</th></tr></table></section>");
    }
    return out.append("</body></html>\n").toString();
  }

  private static String chart(StatisticsTable table, Map<String, String> shown) {
    int rowHeight = 18;
    int labelWidth = 150;
    int barWidth = 400;
    long max = Math.max(StatisticsTable.THRESHOLD,
        shown.keySet().stream().map(table::publishedNumber).filter(java.util.Objects::nonNull).mapToLong(Long::longValue)
            .max().orElse(0));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
        labelWidth + barWidth + 60, rowHeight * shown.size() + 4));
    svg.append("<defs><pattern id=\"h\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"3\" height=\"6\" fill=\"#999\"/></pattern></defs>");
    int y = 2;
    for (Map.Entry<String, String> cell : shown.entrySet()) {
      Long number = table.publishedNumber(cell.getKey());
      // a suppressed cell gets the bar of the threshold, the same for every suppressed cell: it tells nothing
      long length = number == null ? StatisticsTable.THRESHOLD : number;
      int width = (int) Math.round((double) barWidth * length / max);
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 6,
          y + 12, esc(cell.getKey())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", labelWidth, y,
          Math.max(width, 1), rowHeight - 4, number == null ? "url(#h)" : "#2b6cb0"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", labelWidth + Math.max(width, 1) + 4, y + 12,
          esc(cell.getValue())));
      y += rowHeight;
    }
    return svg.append("</svg>").toString();
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
