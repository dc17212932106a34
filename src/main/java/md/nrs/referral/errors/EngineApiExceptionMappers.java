package md.nrs.referral.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine API's exception mappers, replacing the engine's own (which answer 500 for a missing task, a
 * lost race or a refused variable, and repeat the values sent). Jersey picks the mapper of the nearest
 * exception type and, between two of the same type, the lower priority: these are registered for every
 * type the engine maps, with a priority ahead of the engine's default.
 */
public final class EngineApiExceptionMappers {

  static final int AHEAD_OF_ENGINE = 100;
  private static final Logger LOG = LoggerFactory.getLogger(EngineApiExceptionMappers.class);
  private static final ObjectMapper DTO_JSON = new ObjectMapper();

  private EngineApiExceptionMappers() {
  }

  static final Class<?>[] ALL = {AnyThrowable.class, EngineException.class, RestFailure.class, JsonMapping.class,
      JsonParse.class};

  static Response answer(Throwable thrown, Request request, UriInfo uri) {
    org.camunda.bpm.engine.ParseException parse = EngineErrors.find(thrown, org.camunda.bpm.engine.ParseException.class);
    if (parse != null) { // the engine's own shape, whose "details" list each file's problems by element
      Object body = org.camunda.bpm.engine.rest.dto.ParseExceptionDto.fromException(parse);
      if (parse instanceof RefusalDetails detailed) { // and, for programs, what the platform adds (problem codes)
        java.util.Map<String, Object> members = DTO_JSON.convertValue(body, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        members.putAll(detailed.members());
        body = members;
      }
      return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
          .entity(body).build();
    }
    ClientMistake mistake = EngineErrors.classify(thrown, queryNames(uri));
    if (uri != null && completedMeanwhile(uri)) {
      // The task was there when the request came in (the request checks saw it) and is gone now: someone
      // else completed it in between; the engine may say so with any exception (a lost lock, a vanished execution).
      mistake = new ClientMistake(ProblemType.TASK_ALREADY_COMPLETED, "This task was already completed by someone else");
    }
    String where = (request == null ? "?" : request.getMethod()) + " " + (uri == null ? "?" : uri.getPath());
    if (mistake.serverFault()) {
      // Class names and stack frames only: engine messages may carry values that were sent.
      LOG.error("Engine API {} failed: {} at {}", where, EngineErrors.classChain(thrown), rootFrames(thrown));
      LOG.debug("Engine API failure in full", thrown);
    } else {
      LOG.debug("Engine API {} answered {} {} ({})", where, mistake.status(), mistake.type(),
          EngineErrors.classChain(thrown));
    }
    return response(mistake);
  }

  private static java.util.Set<String> queryNames(UriInfo uri) {
    try {
      return uri == null ? java.util.Set.of() : uri.getQueryParameters().keySet();
    } catch (RuntimeException outsideARequest) {
      return java.util.Set.of();
    }
  }

  private static boolean completedMeanwhile(UriInfo uri) {
    try {
      return TaskPath.of(uri.getPathSegments()).map(task -> !task.visible()).orElse(false);
    } catch (RuntimeException cannotTell) {
      return false;
    }
  }

  static Response response(ClientMistake mistake) {
    return Response.status(mistake.status()).type(Problems.CONTENT_TYPE).header("Cache-Control", "no-store")
        .entity(Problems.json(mistake)).build();
  }

  private static String rootFrames(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StackTraceElement[] frames = root.getStackTrace();
    return java.util.Arrays.toString(java.util.Arrays.copyOf(frames, Math.min(frames.length, 8)));
  }

  @Priority(AHEAD_OF_ENGINE)
  public static final class AnyThrowable implements ExceptionMapper<Throwable> {
    @Context
    Request request;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
      return answer(exception, request, uri);
    }
  }

  @Priority(AHEAD_OF_ENGINE)
  public static final class EngineException implements ExceptionMapper<ProcessEngineException> {
    @Context
    Request request;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception, request, uri);
    }
  }

  @Priority(AHEAD_OF_ENGINE)
  public static final class RestFailure implements ExceptionMapper<RestException> {
    @Context
    Request request;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception, request, uri);
    }
  }

  @Priority(AHEAD_OF_ENGINE)
  public static final class JsonMapping implements ExceptionMapper<JsonMappingException> {
    @Context
    Request request;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonMappingException exception) {
      return answer(exception, request, uri);
    }
  }

  @Priority(AHEAD_OF_ENGINE)
  public static final class JsonParse implements ExceptionMapper<JsonParseException> {
    @Context
    Request request;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonParseException exception) {
      return answer(exception, request, uri);
    }
  }
}
