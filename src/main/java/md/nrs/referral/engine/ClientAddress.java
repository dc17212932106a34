package md.nrs.referral.engine;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client of the current HTTP request, if the code runs for one. Behind the proxy
 * (postgres profile: forward-headers-strategy native) the container has already put the client's
 * address from X-Forwarded-For here.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  public static String current() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      return attributes.getRequest().getRemoteAddr();
    }
    return null;
  }
}
