package md.nrs.referral.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal thrown by a controller of the platform's API and answered by {@link ApiErrors} as problem details:
 * the message names the problem (never a value the client sent) and, for an invalid request, each bad field.
 * Throw one of the typed kinds below; the type says the status.
 */
public class ApiProblem extends RuntimeException {

  private final ProblemType type;
  private final transient List<FieldError> fieldErrors;
  private final transient Map<String, Object> members;

  public ApiProblem(ProblemType type, String message) {
    this(type, message, List.of());
  }

  public ApiProblem(ProblemType type, String message, List<FieldError> fieldErrors) {
    this(type, message, fieldErrors, Map.of());
  }

  /** With further members that explain the refusal (a model's problems by element, a plan's failures). */
  public ApiProblem(ProblemType type, String message, Map<String, ?> members) {
    this(type, message, List.of(), members);
  }

  private ApiProblem(ProblemType type, String message, List<FieldError> fieldErrors, Map<String, ?> members) {
    super(message, null, false, false); // an answer, not a failure: no stack trace to fill
    this.type = type;
    this.fieldErrors = List.copyOf(fieldErrors);
    this.members = new LinkedHashMap<>(members);
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  Map<String, Object> members() {
    return members;
  }

  ClientMistake answer() {
    return new ClientMistake(type.status(), type, getMessage(), fieldErrors);
  }

  /** 404: the resource does not exist or is not visible to the caller (the two are never told apart). */
  public static class NotFound extends ApiProblem {
    public NotFound(String message) {
      super(ProblemType.NOT_FOUND, message);
    }
  }

  /** 403: the caller is known but may not do this. */
  public static class Forbidden extends ApiProblem {
    public Forbidden(String message) {
      super(ProblemType.FORBIDDEN, message);
    }
  }

  /** 409: the request contradicts what is stored. */
  public static class Conflict extends ApiProblem {
    public Conflict(String message) {
      super(ProblemType.CONFLICT, message);
    }

    public Conflict(ProblemType type, String message) {
      super(type, message);
    }
  }

  /** 400: the request itself is wrong; fieldErrors names each bad field when there are any. */
  public static class Invalid extends ApiProblem {
    public Invalid(String message) {
      super(ProblemType.INVALID_REQUEST, message);
    }

    public Invalid(String message, List<FieldError> fieldErrors) {
      super(ProblemType.INVALID_REQUEST, message, fieldErrors);
    }

    /** "Invalid callback: a: is required; b: …" with every field named. */
    public static Invalid naming(String what, List<FieldError> fieldErrors) {
      return new Invalid("Invalid " + what + ": " + String.join("; ", fieldErrors.stream().map(FieldError::toString).toList()),
          fieldErrors);
    }
  }
}
