package md.nrs.referral.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Checks made before the engine API's resources run, inside Jersey so that the caller's engine authentication
 * is already set on both APIs:
 * <ul>
 * <li>paging: {@code firstResult} and {@code maxResults} must be whole numbers of 0 or more (the engine turns a
 * negative one into a database error);</li>
 * <li>a task the caller cannot see is answered exactly as a task that does not exist, whatever is asked of it
 * (the engine's 403 for a delete or complete would confirm that it exists).</li>
 * </ul>
 */
public final class EngineApiRequestChecks implements ContainerRequestFilter {

  private static final List<String> PAGING = List.of("firstResult", "maxResults");
  /** Literal paths under task/ that are not task ids. */
  private static final Set<String> TASK_COLLECTION_PATHS = Set.of("count", "create", "report");

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    for (String name : PAGING) {
      List<String> values = query.get(name);
      if (values != null && values.stream().anyMatch(v -> !isCount(v))) {
        request.abortWith(EngineApiExceptionMappers.response(
            ClientMistake.invalidField(name, "must be a whole number of 0 or more")));
        return;
      }
    }
    List<PathSegment> segments = request.getUriInfo().getPathSegments();
    int at = 0;
    String engineName = "default";
    if (segments.size() >= 2 && "engine".equals(segments.get(0).getPath())) {
      engineName = segments.get(1).getPath();
      at = 2;
    }
    if (segments.size() > at + 1 && "task".equals(segments.get(at).getPath())) {
      String taskId = segments.get(at + 1).getPath();
      if (!taskId.isEmpty() && !TASK_COLLECTION_PATHS.contains(taskId) && !visible(engineName, taskId)) {
        request.abortWith(EngineApiExceptionMappers.response(
            new ClientMistake(404, "NotFoundException", EngineErrors.TASK_GONE)));
      }
    }
  }

  static boolean isCount(String value) {
    if (value == null || value.isEmpty() || value.length() > 10) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(value) <= Integer.MAX_VALUE;
  }

  /** Under the caller's authentication, as set by the API's authentication filter. */
  private static boolean visible(String engineName, String taskId) {
    ProcessEngine engine = ProcessEngines.getProcessEngine(engineName);
    if (engine == null) {
      return true; // the resource itself answers for an unknown engine
    }
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
  }
}
