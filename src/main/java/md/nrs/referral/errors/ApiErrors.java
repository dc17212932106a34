package md.nrs.referral.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.List;
import md.nrs.referral.engine.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one advice of the platform's API: every refusal a controller throws ({@link ApiProblem} and its typed
 * kinds) and every client mistake Spring detects before a controller runs (a parameter of the wrong type, an
 * unreadable body, a wrong method or media type) is answered as problem details ({@link Problems}) instead of
 * Spring's message-less error page, and never a 500. Names the parameter or field, never the value sent; logs
 * nothing of the request but its path.
 */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiProblem.class)
  void refused(ApiProblem e, HttpServletResponse response) throws IOException {
    Problems.write(response, e.answer(), e.members());
  }

  /** A role the caller lacks ({@link Caller#require}): the same 403 problem as {@link ApiProblem.Forbidden}. */
  @ExceptionHandler(Caller.Refused.class)
  void refused(Caller.Refused e, HttpServletResponse response) throws IOException {
    refused(new ApiProblem.Forbidden(e.getMessage()), response);
  }

  /** Changed by someone else between reading and writing (a version check in the database). */
  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  void concurrent(ObjectOptimisticLockingFailureException e, HttpServletResponse response) throws IOException {
    write(response, new ClientMistake(ProblemType.CONCURRENT_CHANGE,
        "Changed by someone else at the same time; read it again and repeat the change"));
  }

  /** Two requests creating the same thing at the same moment: the second insert fails on a unique key. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  void integrity(DataIntegrityViolationException e, HttpServletResponse response) throws IOException {
    write(response, new ClientMistake(ProblemType.CONFLICT, "This conflicts with something stored at the same time"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void wrongType(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
    String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
    write(response, ClientMistake.invalidField(e.getName(), "must be " + expected));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  void missing(MissingServletRequestParameterException e, HttpServletResponse response) throws IOException {
    write(response, ClientMistake.invalidField(e.getParameterName(), "is required"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  void unreadable(HttpMessageNotReadableException e, HttpServletResponse response) throws IOException {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      write(response, ClientMistake.invalidField(JsonPaths.of(mapping.getPath()), "has the wrong type or shape"));
    } else if (e.getCause() instanceof JsonProcessingException) {
      write(response, ClientMistake.invalid("The request body is not valid JSON"));
    } else {
      write(response, ClientMistake.invalid("The request body is missing or not readable as JSON"));
    }
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  void invalidBody(MethodArgumentNotValidException e, HttpServletResponse response) throws IOException {
    List<FieldError> fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
    write(response, invalidFields(fields));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  void constraint(ConstraintViolationException e, HttpServletResponse response) throws IOException {
    List<FieldError> fields = e.getConstraintViolations().stream()
        .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
    write(response, invalidFields(fields));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  void methodValidation(HandlerMethodValidationException e, HttpServletResponse response) throws IOException {
    List<FieldError> fields = e.getParameterValidationResults().stream()
        .map(r -> new FieldError(r.getMethodParameter().getParameterName(), "is not valid")).toList();
    write(response, invalidFields(fields));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  void method(HttpRequestMethodNotSupportedException e, HttpServletResponse response) throws IOException {
    if (e.getSupportedHttpMethods() != null) {
      response.setHeader("Allow", String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString).toList()));
    }
    write(response, EngineErrors.byStatus(405));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  void mediaType(HttpMediaTypeNotSupportedException e, HttpServletResponse response) throws IOException {
    write(response, EngineErrors.byStatus(415));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) throws IOException {
    write(response, EngineErrors.byStatus(406));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  void noResource(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (BrowserPages.wantsPage(request)) {
      response.sendError(404); // the error page (static/error/404.html) says where to go instead
      return;
    }
    write(response, EngineErrors.byStatus(404));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  void tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) throws IOException {
    write(response, new ClientMistake(ProblemType.TOO_LARGE, "The upload is too large"));
  }

  @ExceptionHandler(MultipartException.class)
  void multipart(MultipartException e, HttpServletResponse response) throws IOException {
    write(response, ClientMistake.invalid("The request body is not valid multipart/form-data"));
  }

  /** Anything else is the platform's fault: logged by class and place only (messages may carry values). */
  @ExceptionHandler(Exception.class)
  void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (EngineErrors.databaseUnavailable(e)) { // not the request's fault, nor a bug: the client retries
      LOG.warn("API {} {}: database unavailable ({})", request.getMethod(), pattern == null ? "(unmapped)" : pattern,
          EngineErrors.classChain(e));
      write(response, EngineErrors.databaseAway());
      return;
    }
    LOG.error("API {} {} failed: {} at {}", request.getMethod(), pattern == null ? "(unmapped)" : pattern,
        EngineErrors.classChain(e),
        e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
    LOG.debug("API failure in full", e);
    write(response, EngineErrors.serverFault());
  }

  private static void write(HttpServletResponse response, ClientMistake mistake) throws IOException {
    Problems.write(response, mistake);
  }

  private static ClientMistake invalidFields(List<FieldError> fields) {
    return new ClientMistake(400, ProblemType.INVALID_REQUEST,
        "Invalid request: " + String.join(", ", fields.stream().map(FieldError::field).toList()), fields);
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == java.time.Instant.class) {
      return "an instant such as 2026-01-31T00:00:00Z";
    }
    if (type == java.time.LocalDate.class) {
      return "a day such as 2026-01-31";
    }
    return "of type " + type.getSimpleName();
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
