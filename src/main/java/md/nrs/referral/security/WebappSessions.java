package md.nrs.referral.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The user logged into the webapps (Tasklist, Cockpit, Admin) in the request's session, if any. */
public final class WebappSessions {

  private WebappSessions() {
  }

  public static Optional<UserAuthentication> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName))
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .filter(user -> user.getIdentityId() != null);
  }
}
