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
 * A Basic success (sent again with every call) is recorded once per user and client address per
 * {@code successInterval}, so a polling client does not flood the trail; failures once per burst: the first
 * failure for a user name (existing or not) and address, then again only if they go on after
 * {@code failureBurst}. The login throttle answers the attempts of a burst it holds back before this filter.
 */
public class LoginAudit extends OncePerRequestFilter {

  private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/";
  private static final int MAX_LOGIN_BODY = 8 * 1024;

  private final AuditTrail trail;
  private final Clock clock;
  private final Duration successInterval;
  private final Duration failureBurst;
  private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
  private final Map<String, Instant> burstStart = new ConcurrentHashMap<>();

  public LoginAudit(AuditTrail trail, Clock clock, Duration successInterval, Duration failureBurst) {
    this.trail = trail;
    this.clock = clock;
    this.successInterval = successInterval;
    this.failureBurst = failureBurst;
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
      if (!firstInInterval(burstStart, failureBurst, user, request.getRemoteAddr())) {
        return;
      }
      trail.record(new AuditEvent(user, AuditActions.LOGIN_FAILED, null, "basic " + uri, AuditEvent.FAILED,
          request.getRemoteAddr(), "HTTP Basic credentials refused"));
    } else if (firstInInterval(lastSuccess, successInterval, user, request.getRemoteAddr())) {
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
    if (!ok && !firstInInterval(burstStart, failureBurst, String.valueOf(user), request.getRemoteAddr())) {
      return;
    }
    trail.record(new AuditEvent(user, ok ? AuditActions.LOGIN : AuditActions.LOGIN_FAILED, null, "webapp " + app,
        ok ? AuditEvent.OK : AuditEvent.FAILED, request.getRemoteAddr(), ok ? "webapp login" : "webapp login refused"));
  }

  private boolean firstInInterval(Map<String, Instant> lastRecorded, Duration interval, String user, String address) {
    Instant now = clock.instant();
    Instant[] first = {null};
    lastRecorded.compute(user + "@" + address, (key, last) -> {
      if (last == null || !now.isBefore(last.plus(interval))) {
        first[0] = now;
        return now;
      }
      return last;
    });
    if (lastRecorded.size() > 10_000) {
      lastRecorded.clear(); // a bound on memory; at worst a few logins are recorded twice
    }
    return first[0] != null;
  }

  private static String formField(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      try {
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException malformed) {
        return null; // the login resource refuses such a form; audited without a name
      }
    }
    return null;
  }
}
