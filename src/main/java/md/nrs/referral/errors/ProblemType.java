package md.nrs.referral.errors;

import java.net.URI;

/**
 * Every kind of error the platform answers, each with a stable RFC 9457 {@code type} URI that clients switch
 * on ({@code urn:nrs:problem:<slug>}: a name, not a page to fetch), its usual status and a fixed title. The list
 * is documented in README ("Errors") and in the OpenAPI document's {@code Problem} schema.
 */
public enum ProblemType {
  INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
  INVALID_FORM("invalid-form", 400, "The form submission is not valid"),
  MODEL_REFUSED("model-refused", 400, "The model is refused"),
  MIGRATION_PLAN_INVALID("migration-plan-invalid", 400, "The migration plan cannot be used"),
  AUTHENTICATION_REQUIRED("authentication-required", 401, "Authentication required"),
  FORBIDDEN("forbidden", 403, "Not allowed"),
  CSRF_TOKEN("csrf-token", 403, "Missing or wrong CSRF token"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
  CONFLICT("conflict", 409, "Conflict"),
  CONCURRENT_CHANGE("concurrent-change", 409, "Changed by someone else at the same time"),
  TASK_ALREADY_COMPLETED("task-already-completed", 409, "Task already completed"),
  NOTHING_TO_MIGRATE("nothing-to-migrate", 409, "Nothing to migrate"),
  TOO_LARGE("too-large", 413, "The request is too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  PERSONAL_DATA_NOT_ACCEPTED("personal-data-not-accepted", 422, "Personal data not accepted"),
  LOGIN_THROTTLED("login-throttled", 429, "Too many failed logins"),
  SERVER_ERROR("server-error", 500, "Server error"),
  DATABASE_UNAVAILABLE("database-unavailable", 503, "Database unavailable for a moment");

  static final String PREFIX = "urn:nrs:problem:";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public URI uri() {
    return URI.create(PREFIX + slug);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The general kind of an answer known only by its status (a container's error page, an engine refusal). */
  static ProblemType forStatus(int status) {
    return switch (status) {
      case 401 -> AUTHENTICATION_REQUIRED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> LOGIN_THROTTLED;
      default -> status >= 500 ? SERVER_ERROR : INVALID_REQUEST;
    };
  }
}
