package md.nrs.referral.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an HTTP Basic "Authorization" header. */
public record BasicCredentials(String userId, String password) {

  public static Optional<BasicCredentials> of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + userId + "]"; // never the password
  }
}
