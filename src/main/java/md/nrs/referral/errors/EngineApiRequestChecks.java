package md.nrs.referral.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

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
    Optional<TaskPath> task = TaskPath.of(request.getUriInfo().getPathSegments());
    if (task.isPresent() && !task.get().visible()) {
      request.abortWith(EngineApiExceptionMappers.response(
          new ClientMistake(ProblemType.NOT_FOUND, EngineErrors.TASK_GONE)));
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
}
