package md.nrs.referral.analytics;

/** RFC 4180 cells; a leading =, +, - or @ is quoted with an apostrophe so a spreadsheet never runs it as a formula. */
public final class Csv {

  private Csv() {
  }

  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
