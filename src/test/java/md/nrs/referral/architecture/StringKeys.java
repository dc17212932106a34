package md.nrs.referral.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a process variable or form field spelt as a string in Java source where it can only mean that
 * variable: a key of {@code Map.of(…)} or {@code Map.entry(…)}, or the name given to the engine's variable
 * API ({@code setVariable}, {@code getVariable}, {@code variableValueEquals}, {@code putValue}, …), to a
 * decision result ({@code getEntry}) and to AssertJ's map assertions on variables ({@code containsEntry},
 * {@code containsKey}). A {@code put("…")}
 * is not checked: REST bodies of other APIs (the agency directory's {@code channel}) share names with
 * variables, and no source text tells the two apart.
 */
final class StringKeys {

  /** Calls whose first string argument, or second after an id, names a variable. */
  private static final Pattern VARIABLE_API = Pattern.compile("\\b(setVariable|setVariableLocal|getVariable|getVariableLocal"
      + "|hasVariable|removeVariable|variableValueEquals|processVariableValueEquals|variableName|putValue|containsEntry"
      + "|containsKey|doesNotContainKey|getEntry|Map\\.entry)\\(");
  private static final Pattern MAP_OF = Pattern.compile("\\bMap\\.(<[^()]*>)?of\\(");
  private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");

  private StringKeys() {
  }

  /** Each finding as "line N: \"name\" in call(". */
  static List<String> find(String source, Set<String> known) {
    String code = withoutComments(source);
    List<String> found = new ArrayList<>();
    Matcher map = MAP_OF.matcher(code);
    while (map.find()) {
      List<int[]> arguments = arguments(code, map.end());
      for (int i = 0; i < arguments.size(); i += 2) {
        report(code, arguments.get(i), known, "Map.of(", found);
      }
    }
    Matcher call = VARIABLE_API.matcher(code);
    while (call.find()) {
      List<int[]> arguments = arguments(code, call.end());
      // the name is the first argument, or the second after an id (runtimeService.setVariable(id, name, value))
      for (int i = 0; i < Math.min(2, arguments.size()); i++) {
        if (report(code, arguments.get(i), known, call.group(1) + "(", found)) {
          break;
        }
      }
    }
    found.sort(java.util.Comparator.comparingInt(finding -> Integer.parseInt(finding.substring(5, finding.indexOf(':')))));
    return found;
  }

  /** Reports the argument if it is a known name; true if it is a string at all (a value follows a name, never a name). */
  private static boolean report(String code, int[] argument, Set<String> known, String where, List<String> found) {
    String text = code.substring(argument[0], argument[1]).strip();
    Matcher literal = LITERAL.matcher(text);
    if (literal.matches() && known.contains(literal.group(1))) {
      found.add("line " + lineOf(code, argument[0]) + ": \"" + literal.group(1) + "\" in " + where);
    }
    return text.startsWith("\"");
  }

  /** The top-level arguments of the call whose "(" ends just before {@code from}, as [start, end) ranges. */
  private static List<int[]> arguments(String code, int from) {
    List<int[]> arguments = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        i = endOfString(code, i);
      } else if (c == '\'') {
        i = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2));
      } else if (c == '(' || c == '[' || c == '{') {
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

  private static int endOfString(String code, int quote) {
    if (code.startsWith("\"\"\"", quote)) {
      return code.indexOf("\"\"\"", quote + 3) + 2;
    }
    int i = quote + 1;
    while (code.charAt(i) != '"') {
      i += code.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  /** Comments blanked out (line breaks kept, so line numbers stay right); strings left as they are. */
  private static String withoutComments(String source) {
    StringBuilder code = new StringBuilder(source);
    for (int i = 0; i < code.length() - 1; i++) {
      char c = code.charAt(i);
      if (c == '"') {
        i = endOfString(source, i);
      } else if (c == '\'') {
        i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
      } else if (c == '/' && code.charAt(i + 1) == '/') {
        while (i < code.length() && code.charAt(i) != '\n') {
          code.setCharAt(i++, ' ');
        }
      } else if (c == '/' && code.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2) + 2;
        for (; i < end; i++) {
          if (code.charAt(i) != '\n') {
            code.setCharAt(i, ' ');
          }
        }
        i--;
      }
    }
    return code.toString();
  }

  private static int lineOf(String code, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
