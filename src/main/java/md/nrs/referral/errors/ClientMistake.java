package md.nrs.referral.errors;

import java.util.List;

/**
 * An answer to a request: HTTP status, the problem type clients switch on, a message that names the problem
 * (never a value the client sent) and, for a 400, the bad fields. Written by {@link Problems}.
 */
record ClientMistake(int status, ProblemType type, String message, List<FieldError> fieldErrors) {

  ClientMistake(ProblemType type, String message) {
    this(type.status(), type, message, List.of());
  }

  static ClientMistake invalid(String message) {
    return new ClientMistake(ProblemType.INVALID_REQUEST, message);
  }

  static ClientMistake invalidField(String field, String problem) {
    return new ClientMistake(400, ProblemType.INVALID_REQUEST, "Invalid " + field + ": " + problem,
        List.of(new FieldError(field, problem)));
  }

  boolean serverFault() {
    return status >= 500;
  }
}
