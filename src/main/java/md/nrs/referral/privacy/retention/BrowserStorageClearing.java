package md.nrs.referral.privacy.retention;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the browser to forget what the webapps kept in it when a session ends: the answer to the webapps'
 * logout carries {@code Clear-Site-Data: "cache", "storage"}, and any answer to a request whose session has
 * expired (or was ended) carries {@code Clear-Site-Data: "storage"}. Tasklist 7.24 keeps form drafts in
 * localStorage; its own script stops new ones (scripts/nrs-no-drafts), this removes whatever an older page
 * or version left. Browsers obey the header on HTTPS and on localhost only.
 */
public final class BrowserStorageClearing extends OncePerRequestFilter {

  static final String HEADER = "Clear-Site-Data";
  static final String AT_LOGOUT = "\"cache\", \"storage\"";
  static final String AT_EXPIRY = "\"storage\"";
  private static final List<String> LOGOUT_PREFIX = List.of("camunda", "api", "admin", "auth", "user");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isWebappLogout(request)) {
      response.setHeader(HEADER, AT_LOGOUT);
    } else if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
      response.setHeader(HEADER, AT_EXPIRY);
    }
    chain.doFilter(request, response);
  }

  /** POST /camunda/api/admin/auth/user/{engine}/logout, read segment by segment as the container routes it. */
  private static boolean isWebappLogout(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String path = nullToEmpty(request.getServletPath()) + nullToEmpty(request.getPathInfo());
    // camunda, api, admin, auth, user, {engine}, logout
    List<String> segments = Arrays.stream(path.split("/+")).filter(segment -> !segment.isEmpty()).toList();
    return segments.size() == 7 && segments.subList(0, 5).equals(LOGOUT_PREFIX) && segments.get(6).equals("logout");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
