package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.Platform;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link EngineAdminEndpoints} on /engine-rest (after the Basic authentication) and on the webapps'
 * /camunda/api/engine (the login session's groups). Every spelling of the path is checked; if any reading
 * falls in a guarded family, the strictest answer holds.
 */
public class EngineAdminEndpointGuard extends OncePerRequestFilter {

  private static final String WEBAPP_ENGINE_API = "/camunda/api/engine/";

  private final ProcessEngine engine;

  public EngineAdminEndpointGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> guarded = RequestPaths.enginePaths(request).stream().filter(EngineAdminEndpoints::isGuarded).toList();
    if (guarded.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    boolean webapp = isWebappApi(request);
    Optional<List<String>> groups = callerGroups(request, webapp);
    if (groups.isEmpty()) {
      RestApiAuthenticationFilter.unauthorized(response);
      return;
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    for (String path : guarded) {
      EngineAdminEndpoints.Access access = EngineAdminEndpoints.required(method, path, webapp);
      boolean allowed = EngineAdminEndpoints.allows(access, groups.get()).orElseGet(() -> isProcessJob(path));
      if (!allowed) {
        Problems.write(response, ProblemType.FORBIDDEN, webapp && EngineAdminEndpoints.isRetry(method, path)
            ? "Cockpit is read-only: in the webapps only administrators retry jobs; managers retry a failed delivery"
                + " with PUT /engine-rest/job/{id}/retries, which is audited" : refusal(access));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static String refusal(EngineAdminEndpoints.Access access) {
    return switch (access) {
      case MANAGERS, MANAGERS_ON_PROCESS_JOBS -> "Only managers and administrators may do this on the engine API;"
          + " jobs without a process definition are for administrators only";
      case MANAGERS_OR_POLICY_STAFF -> "Only managers, policy staff and administrators may read deployments and"
          + " process statistics";
      case POLICY_STAFF -> "Only policy staff and administrators may deploy models";
      default -> "Only administrators may do this on the engine API (jobs, batches, incidents, executions,"
          + " deployments, migrations and other engine operations)";
    };
  }

  /** The groups of the caller: the Basic user on /engine-rest, the session's user on the webapps' API. */
  private Optional<List<String>> callerGroups(HttpServletRequest request, boolean webapp) {
    if (webapp) {
      return WebappSessions.user(request, engine.getName()).map(UserAuthentication::getGroupIds).map(EngineAdminEndpointGuard::orEmpty);
    }
    Caller caller = Caller.current(engine.getIdentityService());
    return caller.authenticated() ? Optional.of(caller.groups()) : Optional.empty();
  }

  private static boolean isWebappApi(HttpServletRequest request) {
    return java.util.Arrays.stream(RequestPaths.candidates(request)).anyMatch(p -> p.startsWith(WEBAPP_ENGINE_API));
  }

  private static List<String> orEmpty(List<String> groups) {
    return groups == null ? List.of() : groups;
  }

  /** Whether /job/{id}/... names a job of a process (then the engine's own authorizations decide). */
  private boolean isProcessJob(String path) {
    String[] segments = path.split("/");
    if (segments.length < 3 || !"job".equals(segments[1])) {
      return false;
    }
    String jobId = segments[2];
    Job job = Platform.asPlatform(engine.getIdentityService(),
        () -> engine.getManagementService().createJobQuery().jobId(jobId).singleResult());
    // an unknown id passes on: the engine answers 404 as for anyone
    return job == null || job.getProcessDefinitionKey() != null;
  }
}
