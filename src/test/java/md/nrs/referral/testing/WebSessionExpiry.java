package md.nrs.referral.testing;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** Ends web sessions on the server the way their idle timeout does; browsers and clients keep the cookie. */
public final class WebSessionExpiry {

  private WebSessionExpiry() {
  }

  /** Expires every session of the platform's embedded Tomcat; answers how many there were. */
  public static int expireAll(ServletContext servletContext) throws IOException {
    var web = (ServletWebServerApplicationContext) WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    int expired = 0;
    for (Container child : ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()) {
      for (Session session : ((Context) child).getManager().findSessions()) {
        session.expire();
        expired++;
      }
    }
    return expired;
  }
}
