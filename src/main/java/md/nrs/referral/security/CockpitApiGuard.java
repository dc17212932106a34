package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's own API (/camunda/api/cockpit/...: process statistics, incident lists, plugins' data) is for the
 * users the Cockpit application is granted to (managers, policy staff, administrators). Camunda checks only
 * that someone is logged in there, so a caseworker's Tasklist session could read figures of every process.
 * The plugins' static scripts stay public: Cockpit loads them before anyone logs in.
 */
public class CockpitApiGuard extends OncePerRequestFilter {

  private static final Pattern STATIC = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/static/.*$");

  private final String engineName;

  public CockpitApiGuard(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isStaticAsset(request)) {
      chain.doFilter(request, response);
      return;
    }
    var user = WebappSessions.user(request, engineName);
    if (user.isEmpty()) {
      Problems.write(response, ProblemType.AUTHENTICATION_REQUIRED,
          "Log in to Cockpit first");
      return;
    }
    if (!user.get().isAuthorizedForApp("cockpit")) {
      Problems.write(response, ProblemType.FORBIDDEN,
          "Cockpit's data is for Cockpit users (managers, policy staff, administrators)");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isStaticAsset(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return false;
    }
    for (String path : RequestPaths.candidates(request)) {
      if (!STATIC.matcher(path).matches() || path.contains("/../") || path.contains("/./")) {
        return false; // every reading must be a static asset
      }
    }
    return true;
  }
}
