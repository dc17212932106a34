package md.nrs.referral.errors;

import java.util.List;
import md.nrs.referral.forms.FieldError;

/**
 * An answer to a request: HTTP status, the error type clients switch on, a message that names the problem
 * (never a value the client sent) and, for a 400, the bad fields.
 */
public record ClientMistake(int status, String type, String message, List<FieldError> fieldErrors) {

  public static final String INVALID = "InvalidRequestException";

  public ClientMistake(int status, String type, String message) {
    this(status, type, message, List.of());
  }

  static ClientMistake invalid(String message) {
    return new ClientMistake(400, INVALID, message);
  }

  static ClientMistake invalidField(String field, String problem) {
    return new ClientMistake(400, INVALID, "Invalid " + field + ": " + problem, List.of(new FieldError(field, problem)));
  }

  boolean serverFault() {
    return status >= 500;
  }
}
