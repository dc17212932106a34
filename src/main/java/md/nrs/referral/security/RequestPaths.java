package md.nrs.referral.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request path as the application will route it: decoded, without path parameters or doubled slashes. */
public final class RequestPaths {

  private RequestPaths() {
  }

  static String path(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    String routed = servletPath + pathInfo;
    return normalise(routed.isEmpty() ? request.getRequestURI() : routed);
  }

  /** Both readings of the path, so that no spelling of a blocked path slips through either. */
  static String[] candidates(HttpServletRequest request) {
    String raw = request.getRequestURI() == null ? "" : request.getRequestURI();
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    if (raw.startsWith(context)) {
      raw = raw.substring(context.length());
    }
    return new String[] {path(request), normalise(decode(raw))};
  }

  private static final Pattern ENGINE_PATH =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");

  /**
   * The path inside the engine API ("/task/count"), for /engine-rest and for the webapps' copy under
   * /camunda/api/engine; null for any other path. Case is kept: process keys are case-sensitive.
   */
  public static String enginePath(HttpServletRequest request) {
    for (String candidate : candidates(request)) {
      Matcher matcher = ENGINE_PATH.matcher(candidate);
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    return null;
  }

  /** The paths inside the engine API of every reading of the request path (see {@link #enginePath}). */
  public static java.util.List<String> enginePaths(HttpServletRequest request) {
    java.util.List<String> paths = new java.util.ArrayList<>();
    for (String candidate : candidates(request)) {
      Matcher matcher = ENGINE_PATH.matcher(candidate);
      if (matcher.matches() && !paths.contains(matcher.group(1))) {
        paths.add(matcher.group(1));
      }
    }
    return paths;
  }

  static String normalise(String path) {
    String withoutParameters = path.replaceAll(";[^/]*", "");
    String collapsed = withoutParameters.replaceAll("/{2,}", "/");
    return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
  }

  static String lower(String path) {
    return path.toLowerCase(Locale.ROOT);
  }

  private static String decode(String raw) {
    try {
      String once = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      return URLDecoder.decode(once.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
