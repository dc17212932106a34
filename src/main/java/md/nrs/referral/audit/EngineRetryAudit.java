package md.nrs.referral.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import md.nrs.referral.security.BasicCredentials;
import md.nrs.referral.security.EngineAdminEndpoints;
import md.nrs.referral.security.RequestPaths;
import md.nrs.referral.security.WebappSessions;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every retry of a failed job or external task that the engine accepted (a delivery to an agency tried
 * again once its system is back): who, which job, from where. Managers do it over /engine-rest (Cockpit is
 * read-only for them), administrators on either engine API. Job ids only: no case data.
 */
public class EngineRetryAudit extends OncePerRequestFilter {

  private final AuditTrail trail;
  private final String engineName;

  public EngineRetryAudit(AuditTrail trail, String engineName) {
    this.trail = trail;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    chain.doFilter(request, response);
    if (path == null || !EngineAdminEndpoints.isRetry(request.getMethod(), path)
        || response.getStatus() < 200 || response.getStatus() >= 300) {
      return;
    }
    Optional<String> basic = BasicCredentials.of(request).map(BasicCredentials::userId);
    String actor = basic.or(() -> WebappSessions.user(request, engineName).map(UserAuthentication::getIdentityId))
        .orElse(null);
    trail.record(new AuditEvent(actor, AuditActions.JOB_RETRIED, null, "PUT " + path, AuditEvent.OK,
        request.getRemoteAddr(), basic.isPresent() ? "over the engine REST API" : "in the webapps (Cockpit)"));
  }
}
