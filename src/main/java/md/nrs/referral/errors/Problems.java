package md.nrs.referral.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * The one writer of error bodies, for the platform's API, the servlet filters in front of the engine APIs, the
 * engine APIs themselves and the container's error page: RFC 9457 problem details ({@code application/problem+json})
 * with the stable {@code type} of a {@link ProblemType}, a fixed {@code title}, the {@code status}, the
 * {@code detail}, the same text again as {@code message} (Camunda's Tasklist, Cockpit and Modeler show
 * {@code message}) and, for invalid fields, {@code fieldErrors} [{"field", "message"}].
 */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";
  static final String MESSAGE = "message";
  static final String FIELD_ERRORS = "fieldErrors";

  private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

  private Problems() {
  }

  /** The answer of a servlet filter: the type's own status. */
  public static void write(HttpServletResponse response, ProblemType type, String message) throws IOException {
    write(response, new ClientMistake(type.status(), type, message, List.of()));
  }

  /** With the bad fields, each named, and further members of the problem (for example the rules broken). */
  public static void write(HttpServletResponse response, ProblemType type, String message, List<FieldError> fieldErrors,
      Map<String, ?> members) throws IOException {
    write(response, new ClientMistake(type.status(), type, message, fieldErrors), members);
  }

  /** The same with the bad fields given as field name → problem, in order. */
  public static void writeInvalidFields(HttpServletResponse response, String message, Map<String, String> fieldProblems,
      Map<String, ?> members) throws IOException {
    write(response, ProblemType.INVALID_REQUEST, message,
        fieldProblems.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList(), members);
  }

  /** A form submission refused before the engine sees it: names the form and each bad field. */
  public static void writeInvalidForm(HttpServletResponse response, String formId, InvalidFormException invalid)
      throws IOException {
    write(response, ProblemType.INVALID_FORM, invalid.getMessage(), invalid.errors(), Map.of("form", formId));
  }

  static void write(HttpServletResponse response, ClientMistake mistake) throws IOException {
    write(response, of(mistake));
  }

  static void write(HttpServletResponse response, ClientMistake mistake, Map<String, ?> members) throws IOException {
    ProblemDetail problem = of(mistake);
    members.forEach(problem::setProperty);
    write(response, problem);
  }

  private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    JSON.writeValue(response.getOutputStream(), problem);
  }

  static ProblemDetail of(ClientMistake mistake) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(mistake.status()),
        mistake.message());
    problem.setType(mistake.type().uri());
    problem.setTitle(mistake.type().title());
    problem.setProperty(MESSAGE, mistake.message());
    if (!mistake.fieldErrors().isEmpty()) {
      problem.setProperty(FIELD_ERRORS, mistake.fieldErrors());
    }
    return problem;
  }

  /** The same members as a map, for writers that build their own body (the container's error page). */
  @SuppressWarnings("unchecked")
  static java.util.Map<String, Object> members(ClientMistake mistake) {
    return JSON.convertValue(of(mistake), java.util.LinkedHashMap.class);
  }

  static String json(ClientMistake mistake) {
    try {
      return JSON.writeValueAsString(of(mistake));
    } catch (JsonProcessingException cannot) {
      throw new IllegalStateException("A problem detail could not be written", cannot);
    }
  }
}
