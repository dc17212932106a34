package md.nrs.referral.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import md.nrs.referral.security.BasicCredentials;
import md.nrs.referral.security.CachedBodyRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records logins: the webapps' login form (POST /camunda/api/admin/auth/user/default/login/{app}) and
 * HTTP Basic on /engine-rest and /api. It wraps the authentication rather than changing it: after the
 * request, a 401 for a request that carried credentials is a failed login, anything else a success.
 * Every failure is recorded; a Basic success (sent again with every call) once per user and client
 * address per {@code successInterval}, so a polling client does not flood the trail.
 */
public class LoginAudit extends OncePerRequestFilter {

  private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/";
  private static final int MAX_LOGIN_BODY = 8 * 1024;

  private final AuditTrail trail;
  private final Clock clock;
  private final Duration successInterval;
  private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

  public LoginAudit(AuditTrail trail, Clock clock, Duration successInterval) {
    this.trail = trail;
    this.clock = clock;
    this.successInterval = successInterval;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && uri.startsWith(WEBAPP_LOGIN)) {
      webappLogin(request, response, chain, uri.substring(WEBAPP_LOGIN.length()));
      return;
    }
    var credentials = BasicCredentials.of(request);
    chain.doFilter(request, response);
    if (credentials.isEmpty()) {
      return;
    }
    String user = credentials.get().userId();
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      trail.record(new AuditEvent(user, AuditActions.LOGIN_FAILED, null, "basic " + uri, AuditEvent.FAILED,
          request.getRemoteAddr(), "HTTP Basic credentials refused"));
    } else if (firstSuccessInInterval(user, request.getRemoteAddr())) {
      trail.record(new AuditEvent(user, AuditActions.LOGIN, null, "basic " + uri, AuditEvent.OK,
          request.getRemoteAddr(), "HTTP Basic"));
    }
  }

  private void webappLogin(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String app)
      throws ServletException, IOException {
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_LOGIN_BODY);
    if (cached == null) {
      response.sendError(413);
      return;
    }
    String user = formField(new String(cached.body(), StandardCharsets.UTF_8), "username");
    chain.doFilter(cached, response);
    boolean ok = response.getStatus() >= 200 && response.getStatus() < 300;
    trail.record(new AuditEvent(user, ok ? AuditActions.LOGIN : AuditActions.LOGIN_FAILED, null, "webapp " + app,
        ok ? AuditEvent.OK : AuditEvent.FAILED, request.getRemoteAddr(), ok ? "webapp login" : "webapp login refused"));
  }

  private boolean firstSuccessInInterval(String user, String address) {
    Instant now = clock.instant();
    Instant[] first = {null};
    lastSuccess.compute(user + "@" + address, (key, last) -> {
      if (last == null || !now.isBefore(last.plus(successInterval))) {
        first[0] = now;
        return now;
      }
      return last;
    });
    if (lastSuccess.size() > 10_000) {
      lastSuccess.clear(); // a bound on memory; at worst a few successes are recorded twice
    }
    return first[0] != null;
  }

  private static String formField(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
