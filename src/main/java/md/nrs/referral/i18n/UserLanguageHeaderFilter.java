package md.nrs.referral.i18n;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds "Content-Language" with the logged-in user's own language to the webapps' "who am I" answer
 * (/camunda/api/admin/auth/user/{engine}), which Tasklist's language script reads at start-up; no header
 * when the user has chosen none, so the browser's language counts.
 */
public class UserLanguageHeaderFilter extends OncePerRequestFilter {

  private final RequestLanguage languages;
  private final UserLanguages users;

  public UserLanguageHeaderFilter(RequestLanguage languages, UserLanguages users) {
    this.languages = languages;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod())) {
      languages.userOf(request).flatMap(users::of).ifPresent(language -> response.setHeader("Content-Language", language.tag()));
    }
    chain.doFilter(request, response);
  }
}
