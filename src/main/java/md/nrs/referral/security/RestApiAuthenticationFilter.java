package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of every /engine-rest call against the engine's identity service. Unlike
 * Camunda's ProcessEngineAuthenticationFilter it leaves no path open (that one lets /engine through).
 * The engine's authorizations then decide what the user may see or do (403 otherwise).
 */
public class RestApiAuthenticationFilter extends OncePerRequestFilter {

  static final String REALM = "Basic realm=\"NRS Referral Platform\", charset=\"UTF-8\"";

  /**
   * Platform API paths Tasklist calls itself, with the user's webapp session instead of Basic: the user's own
   * language (Tasklist's language menu), the case page's journey and the referring agency's referrals. A change
   * needs the session's CSRF token, as Tasklist's own calls do.
   */
  static final Set<String> WEBAPP_SESSION_PATHS = Set.of("/api/me/language", "/api/referrals");
  private static final java.util.regex.Pattern WEBAPP_SESSION_PATTERN =
      java.util.regex.Pattern.compile("^/api/cases/[^/]+/journey$");
  private static final Set<String> NON_MODIFYING = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identity;
  private final String engineName;

  public RestApiAuthenticationFilter(IdentityService identity, String engineName) {
    this.identity = identity;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> user = authenticate(identity, request);
    if (user.isEmpty() && BasicCredentials.of(request).isEmpty()) {
      user = webappSessionUser(request);
    }
    if (user.isEmpty()) {
      if (BasicCredentials.of(request).isEmpty() && NON_MODIFYING.contains(request.getMethod())
          && onWebappSessionPath(request)) {
        // Tasklist's own read: no Basic challenge, which would make the browser ask for a password. A change (the
        // intake's POST /api/referrals above all) keeps the challenge its API clients expect.
        Problems.write(response, ProblemType.AUTHENTICATION_REQUIRED, "Authentication required: log in to Tasklist");
        return;
      }
      unauthorized(response);
      return;
    }
    String userId = user.get();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The user id if the request carries valid Basic credentials; tells the login throttle how the check went. */
  static Optional<String> authenticate(IdentityService identity, HttpServletRequest request) {
    Optional<BasicCredentials> credentials = BasicCredentials.of(request);
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    boolean valid = identity.checkPassword(credentials.get().userId(), credentials.get().password());
    request.setAttribute(LoginThrottleFilter.PASSWORD_CHECKED, valid);
    return valid ? credentials.map(BasicCredentials::userId) : Optional.empty();
  }

  /** The webapps' logged-in user, on the few paths Tasklist calls, with the session's CSRF token for a change. */
  private Optional<String> webappSessionUser(HttpServletRequest request) {
    if (!onWebappSessionPath(request)) {
      return Optional.empty();
    }
    if (!NON_MODIFYING.contains(request.getMethod())) {
      Object expected = request.getSession(false) == null ? null
          : request.getSession(false).getAttribute(CsrfTokenCheck.SESSION_TOKEN);
      String sent = request.getHeader(CsrfTokenCheck.HEADER);
      if (!(expected instanceof String token) || sent == null
          || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
    }
    return WebappSessions.user(request, engineName).map(UserAuthentication::getIdentityId);
  }

  static boolean onWebappSessionPath(HttpServletRequest request) {
    String path = pathOf(request);
    return WEBAPP_SESSION_PATHS.contains(path) || WEBAPP_SESSION_PATTERN.matcher(path).matches();
  }

  private static String pathOf(HttpServletRequest request) {
    return RequestPaths.normalise(request.getRequestURI().substring(request.getContextPath().length()));
  }

  static void unauthorized(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", REALM);
    Problems.write(response, ProblemType.AUTHENTICATION_REQUIRED,
        "Authentication required: HTTP Basic with a platform user");
  }
}
