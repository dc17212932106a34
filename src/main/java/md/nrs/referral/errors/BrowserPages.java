package md.nrs.referral.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a request is a person's browser opening a page (a GET that names text/html in its Accept header), who
 * should see the platform's error page (static/error/*.html), rather than a program, which gets JSON.
 * A wildcard type does not count: API clients accept any type too.
 */
final class BrowserPages {

  private BrowserPages() {
  }

  static boolean wantsPage(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return false;
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> "text".equals(type.getType())
          && "html".equals(type.getSubtype()) && type.getQualityValue() > 0);
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }
}
