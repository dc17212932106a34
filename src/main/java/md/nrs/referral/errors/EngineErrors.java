package md.nrs.referral.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.engine.EngineExceptions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;

/**
 * Decides what an exception thrown while the engine API served a request means for the client. The engine's
 * own texts are not passed on for client mistakes: they repeat ids and values that were sent ("Cannot convert
 * value 'abc'"); the answer names the parameter or field when it is known from the exception's structure.
 */
final class EngineErrors {

  static final String TASK_GONE = "No such task: it does not exist, was already completed, or is not visible to you";

  /** Engine refusals (by their ENGINE code) that a client causes, with a value-free explanation. */
  private static final Map<String, String> KNOWN_REFUSALS = Map.of(
      "ENGINE-17007", "Java-serialized variables are refused: send variable values as JSON",
      "ENGINE-13043", "No process starts on the given conditions",
      "ENGINE-13042", "No process starts on the given conditions");

  private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d{5}\\b");

  private EngineErrors() {
  }

  static ClientMistake classify(Throwable thrown) {
    return classify(thrown, java.util.Set.of());
  }

  /** @param queryNames the names of the request's query parameters, the only words taken from an engine message */
  static ClientMistake classify(Throwable thrown, java.util.Set<String> queryNames) {
    if (thrown instanceof ParamException param) {
      return ClientMistake.invalidField(param.getParameterName(), "has the wrong format");
    }
    if (thrown instanceof WebApplicationException web) {
      return byStatus(web.getResponse().getStatus());
    }
    if (thrown instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return ClientMistake.invalidField(JsonPaths.of(mapping.getPath()), "has the wrong type or shape");
    }
    if (thrown instanceof JsonProcessingException) {
      return ClientMistake.invalid("The request body is not valid JSON");
    }
    if (thrown instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500
        && thrownByPlatform(rest)) { // the platform's own resources word their refusals without values
      return new ClientMistake(rest.getStatus().getStatusCode(), ProblemType.forStatus(rest.getStatus().getStatusCode()), rest.getMessage(), List.of());
    }
    if (databaseUnavailable(thrown)) {
      return databaseAway();
    }
    OptimisticLockingException concurrent = find(thrown, OptimisticLockingException.class);
    if (concurrent != null) {
      return new ClientMistake(ProblemType.CONCURRENT_CHANGE,
          "Someone else changed this at the same time (a task already completed, for example); reload and repeat if still needed");
    }
    AuthorizationException refused = find(thrown, AuthorizationException.class);
    if (refused != null) {
      return new ClientMistake(ProblemType.FORBIDDEN, refused.getMessage());
    }
    if (find(thrown, ProcessEnginePersistenceException.class) != null) {
      return serverFault();
    }
    InvalidFormException invalidForm = find(thrown, InvalidFormException.class);
    if (invalidForm != null) { // the platform's own: names each field, never a value
      return new ClientMistake(400, ProblemType.INVALID_FORM, invalidForm.getMessage(), invalidForm.errors());
    }
    if (find(thrown, EngineExceptions.FORM_FIELD_INVALID) != null) {
      return ClientMistake.invalid("A form field is not valid for this form");
    }
    Throwable worded = findWorded(thrown);
    if (worded != null) { // the platform's own refusal from inside the engine (a business key brought to a start)
      return ClientMistake.invalid(worded.getMessage());
    }
    ParseException parse = find(thrown, ParseException.class);
    if (parse != null) { // a model sent for deployment: the revision gate names file, element and reason
      return new ClientMistake(ProblemType.MODEL_REFUSED, parse.getMessage());
    }
    NullValueException nullValue = find(thrown, NullValueException.class);
    if (nullValue != null) {
      return missing(nullValue.getMessage());
    }
    NotFoundException notFound = find(thrown, NotFoundException.class);
    if (notFound != null) {
      return new ClientMistake(ProblemType.NOT_FOUND, "Not found, or not visible to you");
    }
    if (thrown instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500) {
      return restRefusal(rest, queryNames);
    }
    ProcessEngineException engine = find(thrown, ProcessEngineException.class);
    if (engine != null || find(thrown, BadUserRequestException.class) != null) {
      return refusal(engine == null ? "" : engine.getMessage());
    }
    if (thrown instanceof RestException rest && rest.getCause() == null) {
      return restRefusal(rest, queryNames);
    }
    return serverFault();
  }

  /** "Cannot find task with id …: task is null" — the name before "is null" says what is missing. */
  private static ClientMistake missing(String message) {
    String what = nullName(message == null ? "" : message);
    if ("task".equals(what)) {
      return new ClientMistake(ProblemType.NOT_FOUND, TASK_GONE);
    }
    if (what != null && message.startsWith("Cannot find")) {
      return new ClientMistake(ProblemType.NOT_FOUND, "No such " + what + ", or it is not visible to you");
    }
    return what == null ? ClientMistake.invalid("A required value is missing")
        : ClientMistake.invalidField(what, "is required");
  }

  private static final Pattern NULL_NAME = Pattern.compile(":\\s*([A-Za-z][A-Za-z0-9]{0,40}) is null$");

  static String nullName(String message) {
    Matcher matcher = NULL_NAME.matcher(message.trim());
    return matcher.find() ? matcher.group(1) : null;
  }

  private static ClientMistake restRefusal(RestException rest, java.util.Set<String> queryNames) {
    int status = rest.getStatus() == null ? 400 : rest.getStatus().getStatusCode();
    String text = rest.getMessage() == null ? "" : rest.getMessage();
    // "Cannot set query parameter 'dueAfter' to value '…'": name the parameter the request really sent
    for (String name : queryNames) {
      if (status == 400 && text.contains("'" + name + "'")) {
        return ClientMistake.invalidField(name, "has the wrong format or is not allowed here");
      }
    }
    if (status == 404) {
      return new ClientMistake(ProblemType.NOT_FOUND, "Not found, or not visible to you");
    }
    if (status == 400 && WordedRefusal.MESSAGES.contains(text)) {
      return ClientMistake.invalid(text);
    }
    if (status >= 500) {
      return refusal(rest.getMessage());
    }
    return new ClientMistake(status, ProblemType.forStatus(status),
        "The request is not valid for this resource (parameters, sorting or variable values)", List.of());
  }

  private static ClientMistake refusal(String engineMessage) {
    Matcher code = ENGINE_CODE.matcher(engineMessage == null ? "" : engineMessage);
    if (code.find()) {
      String known = KNOWN_REFUSALS.get(code.group());
      return ClientMistake.invalid(known != null ? known : "The engine refused the request (" + code.group() + ")");
    }
    return ClientMistake.invalid("The engine refused the request as it stands (for example a task that belongs to a running process)");
  }

  static ClientMistake byStatus(int status) {
    return switch (status) {
      case 401 -> new ClientMistake(ProblemType.AUTHENTICATION_REQUIRED, "Authentication required");
      case 403 -> new ClientMistake(ProblemType.FORBIDDEN, "Not allowed");
      case 404 -> new ClientMistake(ProblemType.NOT_FOUND, "No such resource");
      case 405 -> new ClientMistake(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed here");
      case 406 -> new ClientMistake(ProblemType.NOT_ACCEPTABLE, "Ask for application/json");
      case 415 -> new ClientMistake(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
      default -> status >= 500 ? serverFault() : new ClientMistake(status, ProblemType.forStatus(status), "The request is not valid", List.of());
    };
  }

  private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  /** 503: the request was fine, the database was not there (restarting, failing over, no free connection). */
  static ClientMistake databaseAway() {
    return new ClientMistake(ProblemType.DATABASE_UNAVAILABLE, "The database is unavailable for a moment (restarting or failing over); "
        + "nothing in the request needs changing: repeat it in a few seconds. A referral repeated with the same "
        + "sourceReference opens no second case.");
  }

  /**
   * The database could not be reached or dropped the connection: no free pooled connection in time, a JDBC
   * connection error (SQLSTATE class 08) or the server shutting down or starting (57P01–57P03).
   */
  static boolean databaseUnavailable(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      // The pool had already thrown the connection away as broken (Hikari does so on a connection error) and the
      // rollback then met its closed stand-in, whose SQLException carries no SQLSTATE: told by where it comes from.
      if (t instanceof java.sql.SQLException && t.getStackTrace().length > 0
          && t.getStackTrace()[0].getClassName().startsWith(HIKARI_CLOSED_CONNECTION)) {
        return true;
      }
    }
    return false;
  }

  static ClientMistake serverFault() {
    return new ClientMistake(ProblemType.SERVER_ERROR, "The server could not complete the request; it has been logged");
  }

  /** Thrown by the platform's own code (its first stack frame), not by the engine or its REST layer. */
  static boolean thrownByPlatform(Throwable thrown) {
    StackTraceElement[] frames = thrown.getStackTrace();
    return frames.length > 0 && frames[0].getClassName().startsWith("md.nrs.referral.");
  }

  private static Throwable findWorded(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof WordedRefusal) {
        return t;
      }
    }
    return null;
  }

  static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static List<String> classChain(Throwable thrown) {
    List<String> chain = new java.util.ArrayList<>();
    for (Throwable t = thrown; t != null && chain.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
      chain.add(t.getClass().getName());
    }
    return chain;
  }
}
