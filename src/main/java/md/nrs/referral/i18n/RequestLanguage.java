package md.nrs.referral.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import md.nrs.referral.engine.Caller;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language to answer a request in: the user's own setting when the caller is logged in (Basic on the
 * REST APIs, the webapps' session in Tasklist), the request's Accept-Language otherwise, English last.
 */
@Component
public class RequestLanguage {

  private static final String RESOLVED = RequestLanguage.class.getName();

  private final UserLanguages users;
  private final IdentityService identity;

  public RequestLanguage(UserLanguages users, org.camunda.bpm.engine.ProcessEngine engine) {
    this.users = users;
    this.identity = engine.getIdentityService();
  }

  public Language of(HttpServletRequest request) {
    Object resolved = request.getAttribute(RESOLVED);
    if (resolved instanceof Language language) {
      return language;
    }
    Language language = userOf(request).flatMap(users::of)
        .or(() -> Language.fromAcceptLanguage(request.getHeader("Accept-Language")))
        .orElse(Language.FALLBACK);
    request.setAttribute(RESOLVED, language);
    return language;
  }

  /**
   * The language of the request this thread is answering (a deployment through the engine API, for the
   * validation gate inside the engine); English outside any request (start-up, jobs).
   */
  public Language ofCurrentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
        ? of(current.getRequest()) : Language.FALLBACK;
  }

  /** The logged-in caller: Basic authentication has set the engine's, a webapp session holds Tasklist's. */
  Optional<String> userOf(HttpServletRequest request) {
    Caller current = Caller.current(identity);
    if (current.authenticated()) {
      return Optional.of(current.userId());
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .map(UserAuthentication::getIdentityId).filter(java.util.Objects::nonNull).findFirst();
  }
}
