package md.nrs.referral.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any application code (a path with %00 or an encoded slash, a malformed
 * request line) got Tomcat's HTML page without a message; this valve answers them in the platform's JSON shape,
 * chosen by status alone, never with the refused request's text.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ClientMistake answer = EngineErrors.byStatus(status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", answer.type());
    body.put("message", answer.message());
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-store");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(body));
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
