package md.nrs.referral.errors;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page the servlet container falls back to (a path it refuses before any controller, a filter's
 * sendError): also problem details ({@link Problems}), chosen by status — never the
 * exception's own text, which may carry what was sent (server.error.include-message stays "never").
 */
@Component
public class ErrorPageAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Object status = super.getErrorAttributes(request, options).get("status");
    return Problems.members(EngineErrors.byStatus(status instanceof Integer code ? code : 500));
  }
}
