package md.nrs.referral.architecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a process variable or form field spelt as a string in Java source where it can only mean that
 * variable: a key of {@code Map.of(…)} or {@code Map.entry(…)}, the name given to the engine's variable API
 * ({@code setVariable}, {@code getVariable}, {@code variableValueEquals}, {@code putValue}, …), to a decision
 * result ({@code getEntry}) and to AssertJ's map assertions on variables ({@code containsEntry},
 * {@code containsKey}). A {@code put("…")} is not checked: REST bodies of other APIs (the agency directory's
 * {@code channel}) share names with variables, and no source text tells the two apart.
 */
final class StringKeys {

  private static final Pattern MAP_OF = Pattern.compile("\\bMap\\.(<[^()]*>)?of\\(");
  /** Calls whose first argument is the name. */
  private static final Pattern NAME_FIRST = Pattern.compile("(?:\\b|\\.)(Map\\.entry|putValue|getEntry|containsEntry"
      + "|containsKey|doesNotContainKey|variableValueEquals|processVariableValueEquals|variableName)\\(");
  /** The engine services' calls: the name comes first, or second after an id ({@code setVariable(id, name, value)}). */
  private static final Pattern ID_THEN_NAME = Pattern.compile("\\b(setVariable|setVariableLocal|getVariable"
      + "|getVariableLocal|hasVariable|removeVariable)\\(");
  private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");

  private StringKeys() {
  }

  /** Each finding as "line N: \"name\" in call(", in line order. */
  static List<String> find(String source, Set<String> known) {
    Source code = new Source(source);
    List<Finding> found = new ArrayList<>();
    Matcher map = MAP_OF.matcher(code.skeleton);
    while (map.find()) {
      List<int[]> arguments = code.arguments(map.end());
      for (int i = 0; i < arguments.size(); i += 2) {
        code.report(arguments.get(i), known, "Map.of(", found);
      }
    }
    Matcher first = NAME_FIRST.matcher(code.skeleton);
    while (first.find()) {
      List<int[]> arguments = code.arguments(first.end());
      if (!arguments.isEmpty()) {
        code.report(arguments.get(0), known, first.group(1) + "(", found);
      }
    }
    Matcher service = ID_THEN_NAME.matcher(code.skeleton);
    while (service.find()) {
      List<int[]> arguments = code.arguments(service.end());
      if (!arguments.isEmpty() && !code.report(arguments.get(0), known, service.group(1) + "(", found)
          && arguments.size() > 1) {
        code.report(arguments.get(1), known, service.group(1) + "(", found);
      }
    }
    return found.stream().sorted(Comparator.comparingInt(Finding::line).thenComparing(Finding::text))
        .map(finding -> "line " + finding.line() + ": " + finding.text()).distinct().toList();
  }

  private record Finding(int line, String text) {
  }

  /**
   * The source twice over: as written, and as a skeleton of the same length with comments and the inside of
   * every string and character literal blanked, so calls are matched and arguments split on code alone.
   */
  private static final class Source {

    final String text;
    final String skeleton;

    Source(String text) {
      this.text = text;
      this.skeleton = skeletonOf(text);
    }

    /** Reports the argument if it is a known name; true if it is a string literal at all (a value, then, follows). */
    boolean report(int[] argument, Set<String> known, String where, List<Finding> found) {
      String literal = text.substring(argument[0], argument[1]).strip();
      Matcher name = LITERAL.matcher(literal);
      if (name.matches() && known.contains(name.group(1))) {
        found.add(new Finding(lineOf(argument[0] + text.substring(argument[0]).indexOf('"')),
            "\"" + name.group(1) + "\" in " + where));
      }
      return literal.startsWith("\"");
    }

    /** The top-level arguments of the call whose "(" ends just before {@code from}, as [start, end) ranges. */
    List<int[]> arguments(int from) {
      List<int[]> arguments = new ArrayList<>();
      int depth = 0;
      int start = from;
      for (int i = from; i < skeleton.length(); i++) {
        char c = skeleton.charAt(i);
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          if (depth == 0) {
            arguments.add(new int[] {start, i});
            return arguments;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          arguments.add(new int[] {start, i});
          start = i + 1;
        }
      }
      return arguments;
    }

    private int lineOf(int offset) {
      return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String skeletonOf(String source) {
      StringBuilder skeleton = new StringBuilder(source);
      int i = 0;
      while (i < source.length()) {
        if (source.startsWith("\"\"\"", i)) {
          i = blank(skeleton, i + 3, endOf(source, "\"\"\"", i + 3)) + 3;
        } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
          char quote = source.charAt(i);
          int end = i + 1;
          while (end < source.length() && source.charAt(end) != quote && source.charAt(end) != '\n') {
            end += source.charAt(end) == '\\' ? 2 : 1;
          }
          i = blank(skeleton, i + 1, end) + 1;
        } else if (source.startsWith("//", i)) {
          int end = source.indexOf('\n', i);
          i = blank(skeleton, i, end < 0 ? source.length() : end);
        } else if (source.startsWith("/*", i)) {
          i = blank(skeleton, i, endOf(source, "*/", i + 2)) + 2;
        } else {
          i++;
        }
      }
      return skeleton.toString();
    }

    /** Where {@code delimiter} starts from {@code from}; the end of the source if it is not closed. */
    private static int endOf(String source, String delimiter, int from) {
      int end = source.indexOf(delimiter, from);
      return end < 0 ? source.length() : end;
    }

    /** Blanks [from, to) but for line breaks; returns {@code to}. */
    private static int blank(StringBuilder skeleton, int from, int to) {
      for (int i = from; i < to; i++) {
        if (skeleton.charAt(i) != '\n') {
          skeleton.setCharAt(i, ' ');
        }
      }
      return to;
    }
  }
}
