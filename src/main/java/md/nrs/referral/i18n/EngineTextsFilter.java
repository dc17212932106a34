package md.nrs.referral.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.forms.DynamicChoices;
import md.nrs.referral.security.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers Tasklist and REST clients in the caller's language ({@link RequestLanguage}) on both engine APIs
 * (/engine-rest and the webapps' /camunda/api/engine): the deployed task and start forms, and the task,
 * process definition and filter names in lists and single answers; a task form's earlier answers as labels
 * ({@link ReadableValues}); the choices a form takes from the platform ({@link DynamicChoices}). Nothing else is
 * buffered or changed.
 */
public class EngineTextsFilter extends OncePerRequestFilter {

  private static final Pattern DEPLOYED_FORM = Pattern.compile(
      "^/(task/[^/]+/deployed-form|process-definition/[^/]+/deployed-start-form"
          + "|process-definition/key/[^/]+(/tenant-id/[^/]+)?/deployed-start-form)$");
  private static final Pattern NAMED = Pattern.compile(
      "^/(task|task/[^/]+|filter|filter/[^/]+|filter/[^/]+/list|process-definition|process-definition/[^/]+"
          + "|process-definition/key/[^/]+(/tenant-id/[^/]+)?)$");

  private static final Pattern TASK_FORM = Pattern.compile("^/task/([^/]+)/deployed-form$");

  private final RequestLanguage languages;
  private final EngineTexts texts;
  private final ReadableValues readable;
  private final TaskFormVariables variables;
  private final DynamicChoices choices;
  private final ObjectMapper json = new ObjectMapper();

  public EngineTextsFilter(RequestLanguage languages, EngineTexts texts, ReadableValues readable,
      TaskFormVariables variables, DynamicChoices choices) {
    this.languages = languages;
    this.texts = texts;
    this.readable = readable;
    this.variables = variables;
    this.choices = choices;
  }

  /** The values of a task's variables by name, as the task sees them (serialized lists as their JSON text). */
  @FunctionalInterface
  public interface TaskFormVariables {
    Map<String, Object> of(String taskId, java.util.Set<String> names);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    String method = request.getMethod();
    boolean form = path != null && "GET".equals(method) && DEPLOYED_FORM.matcher(path).matches();
    boolean named = path != null && ("GET".equals(method) || "POST".equals(method)) && NAMED.matcher(path).matches()
        && !path.endsWith("/deployed-form");
    if (!form && !named) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    String type = buffered.getContentType();
    if (buffered.getStatus() == 200 && body.length > 0 && type != null && type.contains("json")) {
      Language language = languages.of(request);
      JsonNode tree = json.readTree(body);
      if (form) {
        texts.translateForm(tree, language);
        choices.fill(tree); // after the translation: directory names are names
        Matcher task = TASK_FORM.matcher(path);
        if (task.matches()) {
          // earlier answers as labels in the user's language (the task was readable: the form came back 200)
          readable.fill(tree, variables.of(task.group(1), ReadableValues.placeholders(tree)), language);
        }
      } else {
        texts.translateNames(tree, language);
      }
      byte[] translated = json.writeValueAsBytes(tree);
      buffered.resetBuffer();
      buffered.setCharacterEncoding("UTF-8");
      buffered.setContentLength(translated.length);
      buffered.getOutputStream().write(translated);
      response.setHeader("Content-Language", language.tag());
      response.addHeader("Vary", "Accept-Language");
    }
    buffered.copyBodyToResponse();
  }

  static List<String> patterns() {
    return List.of(DEPLOYED_FORM.pattern(), NAMED.pattern());
  }
}
