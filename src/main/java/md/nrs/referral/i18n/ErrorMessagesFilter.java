package md.nrs.referral.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Puts a client mistake's words into the caller's language ({@link RequestLanguage}): every 4xx answer
 * with "fieldErrors" (problem details, application/problem+json: the form guard on both engine APIs, and
 * the platform API — intake, agency directory, incidents) gets each field's message translated and a message
 * (and "detail") that names the fields, for a form by their labels in that language. The codes stay as they
 * are for machines: "type", each "field", the "form" id. English answers stay exactly as written. Only answers to changes (not GET) are buffered;
 * those are small.
 */
public class ErrorMessagesFilter extends OncePerRequestFilter {

  private final RequestLanguage languages;
  private final Translations translations;
  private final ObjectMapper json = new ObjectMapper();

  public ErrorMessagesFilter(RequestLanguage languages, Translations translations) {
    this.languages = languages;
    this.translations = translations;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    int status = buffered.getStatus();
    String type = buffered.getContentType();
    byte[] body = buffered.getContentAsByteArray();
    if (status >= 400 && status < 500 && body.length > 0 && type != null && type.contains("json")) {
      JsonNode tree = readOrNull(body);
      if (tree instanceof ObjectNode error && error.path("fieldErrors").isArray() && !error.get("fieldErrors").isEmpty()) {
        Language language = languages.of(request);
        if (language == Language.FALLBACK) { // the messages are written in English: left exactly as they are
          buffered.copyBodyToResponse();
          return;
        }
        translate(error, language);
        byte[] translated = json.writeValueAsBytes(error);
        buffered.resetBuffer();
        buffered.setContentLength(translated.length);
        buffered.getOutputStream().write(translated);
        response.setHeader("Content-Language", language.tag());
      }
    }
    buffered.copyBodyToResponse();
  }

  void translate(ObjectNode error, Language language) {
    String form = error.path("form").asText(null);
    List<String> named = new ArrayList<>();
    for (JsonNode fieldError : error.get("fieldErrors")) {
      if (fieldError instanceof ObjectNode field && field.path("message").isTextual()) {
        String message = translations.validation(language, field.get("message").asText());
        field.put("message", message);
        String name = field.path("field").asText();
        String shown = form == null ? name : translations.text(language, "form." + form + "." + name + ".label", name);
        named.add(shown + ": " + message);
      }
    }
    String key = form == null ? "error.invalid-request" : "error.invalid-form";
    String message = translations.message(language, key, Map.of("fields", String.join("; ", named)));
    error.put("message", message);
    if (error.has("detail")) { // problem details (RFC 9457) carry the same text as "detail"
      error.put("detail", message);
    }
  }

  private JsonNode readOrNull(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
