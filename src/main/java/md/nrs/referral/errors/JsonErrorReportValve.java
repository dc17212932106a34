package md.nrs.referral.errors;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any application code (a path with %00 or an encoded slash, a malformed
 * request line) got Tomcat's HTML page without a message; this valve answers them as problem details ({@link Problems}),
 * chosen by status alone, never with the refused request's text.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ClientMistake answer = EngineErrors.byStatus(status);
    try {
      response.setContentType(Problems.CONTENT_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-store");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(Problems.json(answer));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException cannotWrite) {
      // the connection is gone or already answered: nothing more to say
    }
  }

  /** Makes the embedded Tomcat's hosts use this valve for their error reports. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
          host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
      });
    }
  }
}
