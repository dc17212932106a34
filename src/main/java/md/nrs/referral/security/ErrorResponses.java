package md.nrs.referral.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON error bodies in the shape the Camunda REST API uses ({"type", "message"}), so clients parse one format. */
public final class ErrorResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorResponses() {
  }

  public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    write(response, status, type, message, Map.of());
  }

  public static void write(HttpServletResponse response, int status, String type, String message, Map<String, ?> extra)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.putAll(extra);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
