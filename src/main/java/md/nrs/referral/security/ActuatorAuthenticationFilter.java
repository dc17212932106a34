package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health details and metrics are for operators and administrators (HTTP Basic); only the liveness
 * probe is public, because an orchestrator must reach it without credentials and it tells nothing.
 */
public class ActuatorAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> ALLOWED_GROUPS = Set.of(NrsRole.OPERATORS.groupId(), NrsRole.ADMINISTRATORS.groupId());

  private final IdentityService identity;
  private final Set<String> publicPaths;

  public ActuatorAuthenticationFilter(IdentityService identity, Set<String> publicPaths) {
    this.identity = identity;
    this.publicPaths = publicPaths;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) && publicPaths.contains(RequestPaths.path(request))) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> user = RestApiAuthenticationFilter.authenticate(identity, request);
    if (user.isEmpty()) {
      RestApiAuthenticationFilter.unauthorized(response);
      return;
    }
    boolean allowed = ALLOWED_GROUPS.stream()
        .anyMatch(group -> identity.createUserQuery().userId(user.get()).memberOfGroup(group).count() > 0);
    if (!allowed) {
      Problems.write(response, ProblemType.FORBIDDEN,
          "Health and metrics are for operators and administrators");
      return;
    }
    chain.doFilter(request, response);
  }
}
