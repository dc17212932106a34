package md.nrs.referral.errors;

import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/** A request on one task of the engine API ({@code [engine/{name}/]task/{id}[/…]}), read from its path segments. */
record TaskPath(String engineName, String taskId) {

  /** Literal paths under task/ that are not task ids. */
  private static final Set<String> COLLECTION_PATHS = Set.of("count", "create", "report");

  static Optional<TaskPath> of(List<PathSegment> segments) {
    int at = 0;
    String engineName = "default";
    if (segments.size() >= 2 && "engine".equals(segments.get(0).getPath())) {
      engineName = segments.get(1).getPath();
      at = 2;
    }
    if (segments.size() > at + 1 && "task".equals(segments.get(at).getPath())) {
      String taskId = segments.get(at + 1).getPath();
      if (!taskId.isEmpty() && !COLLECTION_PATHS.contains(taskId)) {
        return Optional.of(new TaskPath(engineName, taskId));
      }
    }
    return Optional.empty();
  }

  /** Whether the caller (the engine authentication the API's filter set) can see the task. */
  boolean visible() {
    ProcessEngine engine = ProcessEngines.getProcessEngine(engineName);
    return engine == null || engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
  }
}
