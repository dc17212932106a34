package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the webapps' CSRF token before Camunda's CsrfPreventionFilter does, with the same rule (the
 * X-XSRF-TOKEN header must equal the token kept in the session), but answers a missing or wrong token with a
 * 403 and a message and leaves the session alone: Camunda's filter invalidates the session, so any page
 * that could make the browser send one forged request would log the user out. A request that passes here
 * passes Camunda's filter too, which stays in place.
 */
public class CsrfTokenCheck extends OncePerRequestFilter {

  /** Camunda's names (CsrfConstants): the session attribute and the request header. */
  static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";
  private static final Set<String> NON_MODIFYING = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (NON_MODIFYING.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
    String sent = request.getHeader(HEADER);
    if (sent == null || sent.isBlank()) {
      response.setHeader(HEADER, "Required");
      refuse(response, "The CSRF token is missing: send the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value");
      return;
    }
    if (!(expected instanceof String token) || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      refuse(response, "The CSRF token does not match this session: reload the page and try again");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    Problems.write(response, ProblemType.CSRF_TOKEN, message);
  }
}
