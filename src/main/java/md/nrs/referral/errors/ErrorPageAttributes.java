package md.nrs.referral.errors;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page the servlet container falls back to (a path it refuses before any controller, a filter's
 * sendError): also in the platform's shape, with a "type" and a "message" chosen by status — never the
 * exception's own text, which may carry what was sent (server.error.include-message stays "never").
 */
@Component
public class ErrorPageAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object status = attributes.get("status");
    ClientMistake answer = EngineErrors.byStatus(status instanceof Integer code ? code : 500);
    attributes.put("type", answer.type());
    attributes.put("message", answer.message());
    return attributes;
  }
}
