package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every password check behind the {@link LoginThrottle}: HTTP Basic on /engine-rest, /api and /actuator,
 * and the webapps' login form. While the account, the source address or the pair is delayed the answer is
 * 429 with Retry-After, the same for known and unknown accounts, and no password is checked. The source is
 * the address the servlet container reports: X-Forwarded-For counts only when the container was told to
 * trust the proxy that sent it (postgres profile: {@code NRS_TRUSTED_PROXIES}).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  /** Request attribute the Basic authentication sets: Boolean.TRUE or FALSE once it has checked a password. */
  public static final String PASSWORD_CHECKED = LoginThrottleFilter.class.getName() + ".passwordChecked";
  private static final int MAX_LOGIN_BODY = 8 * 1024;

  private final LoginThrottle throttle;
  private final SecretKeySpec digestKey;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.digestKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean webappLogin = isWebappLogin(request);
    HttpServletRequest forwarded = request;
    String account;
    byte[] credential = null;
    if (webappLogin) {
      CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_LOGIN_BODY);
      if (cached == null) {
        Problems.write(response, ProblemType.TOO_LARGE, "The login form is too large");
        return;
      }
      forwarded = cached;
      // a form without a readable user name is still an attempt from this source
      account = java.util.Objects.requireNonNullElse(formField(new String(cached.body(), StandardCharsets.UTF_8), "username"), "");
    } else {
      Optional<BasicCredentials> basic = BasicCredentials.of(request);
      account = basic.map(BasicCredentials::userId).orElse(null);
      credential = basic.map(this::digest).orElse(null);
    }
    if (account == null) {
      chain.doFilter(forwarded, response); // no password to check here
      return;
    }
    LoginThrottle.Result result = throttle.begin(account, request.getRemoteAddr(), credential);
    Optional<LoginThrottle.Attempt> attempt = result.allowed();
    if (attempt.isEmpty()) {
      long seconds = Math.max(1, (result.retryAfter().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      Problems.write(response, ProblemType.LOGIN_THROTTLED,
          "Too many failed logins for this account or from this address; try again after the time in Retry-After");
      return;
    }
    boolean finished = false;
    try {
      chain.doFilter(forwarded, response);
      Boolean ok = webappLogin ? webappOutcome(response.getStatus()) : (Boolean) request.getAttribute(PASSWORD_CHECKED);
      if (Boolean.TRUE.equals(ok)) {
        throttle.succeeded(attempt.get(), credential);
      } else if (ok == null) {
        throttle.abandoned(attempt.get());
      } else {
        throttle.failed(attempt.get()); // a counted attempt stays counted
      }
      finished = true;
    } finally {
      if (!finished) {
        throttle.abandoned(attempt.get());
      }
    }
  }

  /**
   * A digest of the Basic credential under a key that lives only in this process, so the throttle can tell
   * the credential that last succeeded without ever holding a password.
   */
  private byte[] digest(BasicCredentials basic) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(digestKey);
      mac.update(basic.userId().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(basic.password().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static Boolean webappOutcome(int status) {
    if (status >= 200 && status < 300) {
      return Boolean.TRUE;
    }
    return status == HttpServletResponse.SC_UNAUTHORIZED ? Boolean.FALSE : null;
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      return false;
    }
    for (String path : RequestPaths.candidates(request)) {
      if (RequestPaths.lower(path).startsWith("/camunda/api/admin/auth/user/") && RequestPaths.lower(path).contains("/login/")) {
        return true;
      }
    }
    return false;
  }

  private static String formField(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      try {
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException malformed) {
        return null; // the login resource refuses it; nothing to count
      }
    }
    return null;
  }
}
