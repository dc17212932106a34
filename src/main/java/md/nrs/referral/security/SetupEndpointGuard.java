package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-run setup API (/camunda/api/admin/setup/...) in every profile
 * (CVE-2026-77226, unpatched in the community build). Administrators are seeded by the platform.
 */
public class SetupEndpointGuard extends OncePerRequestFilter {

  static final String BLOCKED = "/api/admin/setup";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String path : RequestPaths.candidates(request)) {
      if (RequestPaths.lower(path).contains(BLOCKED)) {
        Problems.write(response, ProblemType.FORBIDDEN,
            "The first-run setup is closed on this platform; administrators create users in Admin");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
