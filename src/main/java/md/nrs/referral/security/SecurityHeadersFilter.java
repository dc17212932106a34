package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Baseline response headers for every path, including /engine-rest (the webapps add their own CSP).
 * API answers may describe cases, so they are never cached. HSTS is on where TLS is (postgres profile).
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  private final boolean hsts;

  public SecurityHeadersFilter(boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (hsts) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    String path = RequestPaths.path(request);
    if (path.startsWith("/engine-rest") || path.startsWith("/camunda/api") || path.startsWith("/actuator")
        || path.startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
      response = new NoStore(response); // the REST API would otherwise set "no-cache" after us
    }
    chain.doFilter(request, response);
  }

  private static final class NoStore extends jakarta.servlet.http.HttpServletResponseWrapper {

    NoStore(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Cache-Control".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Cache-Control".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
