package md.nrs.referral.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import md.nrs.referral.identity.NrsRole;

/**
 * Who may call the engine's operational endpoints (jobs, batches, incidents, deployments, migrations...) on
 * either engine API. The engine's authorizations do not protect a job without a process definition (the
 * history clean-up, batch jobs): any user could suspend, postpone or run them. So these families are
 * administrators' unless a rule below lets a role in; a request in a family that no rule names is refused.
 * Managers read what Cockpit shows (read-only analysis) and retry a failed delivery over /engine-rest only (audited,
 * {@code audit/EngineRetryAudit}; Cockpit is read-only for them), policy staff the models and their statistics in
 * Cockpit; external-task workers (agencies' systems) fetch and
 * finish their tasks, the engine's grants deciding which; policy staff deploy (the revision gate checks).
 */
public final class EngineAdminEndpoints {

  /** Who, besides administrators, may make a call. */
  public enum Access {
    /** Any authenticated user: the engine's authorizations decide (the resource always has a process definition). */
    ANY_USER,
    MANAGERS,
    MANAGERS_OR_POLICY_STAFF,
    POLICY_STAFF,
    /** Managers, if the job has a process definition: the engine then checks RETRY_JOB on it. */
    MANAGERS_ON_PROCESS_JOBS,
    ADMINISTRATORS
  }

  /** The families guarded here: the first segment(s) of the path inside the engine API. */
  private static final Pattern FAMILY = Pattern.compile(
      "^/(job|job-definition|batch|incident|condition|execution|external-task|history/job-log|history-cleanup|metrics|schema"
          + "|deployment|migration|modification|signal|identity/verify|process-instance/[^/]+/modification(?:-async)?"
          + "|process-definition/(?:[^/]+/|key/[^/]+/(?:tenant-id/[^/]+/)?)?statistics)(/.*)?$");

  private static final Set<String> READ = Set.of("GET", "HEAD");
  private static final String ID = "[^/]+";
  private static final String RETRY = "/job/" + ID + "/retries";
  private static final String EXTERNAL_TASK_RETRY = "/external-task/" + ID + "/retries";
  private static final Pattern RETRIES = Pattern.compile(RETRY + "|" + EXTERNAL_TASK_RETRY);

  private record Rule(Set<String> methods, Pattern path, Access access, boolean restOnly) {
    boolean matches(String method, String path, boolean webappSession) {
      return methods.contains(method) && this.path.matcher(path).matches() && !(restOnly && webappSession);
    }
  }

  private static Rule rule(Set<String> methods, String path, Access access) {
    return new Rule(methods, Pattern.compile(path), access, false);
  }

  /** A rule for /engine-rest only: in a webapp session (Cockpit) the call is for administrators. */
  private static Rule restOnly(Set<String> methods, String path, Access access) {
    return new Rule(methods, Pattern.compile(path), access, true);
  }

  /** The allow-list, first match wins; everything else in a guarded family is for administrators only. */
  private static final List<Rule> RULES = List.of(
      // agencies' systems work their external tasks (grants per delivery decide whose)
      rule(Set.of("POST"), "/external-task/fetchAndLock", Access.ANY_USER),
      rule(Set.of("POST"), "/external-task/" + ID + "/(complete|failure|bpmnError|extendLock|unlock)", Access.ANY_USER),
      // managers retry a failed delivery once the agency's system is back, over /engine-rest (audited); Cockpit's
      // incident retry stays with administrators, Cockpit being read-only for managers
      restOnly(Set.of("PUT"), RETRY, Access.MANAGERS_ON_PROCESS_JOBS),
      restOnly(Set.of("PUT"), EXTERNAL_TASK_RETRY, Access.MANAGERS),
      // policy staff read and deploy models (every deployment passes the revision gate); managers read them
      rule(READ, "/deployment(/.*)?", Access.MANAGERS_OR_POLICY_STAFF),
      // instance counts per process and activity (Cockpit's dashboard and diagrams): they count instances the
      // caller may not read, so not for caseworkers
      rule(READ, "/process-definition/.*statistics", Access.MANAGERS_OR_POLICY_STAFF),
      rule(Set.of("POST"), "/deployment/create", Access.POLICY_STAFF),
      // Cockpit's read-only views; Cockpit lists jobs and job definitions with POST queries
      rule(READ, "/(job|job-definition|batch|incident|execution|external-task|history/job-log|metrics)(/.*)?",
          Access.MANAGERS),
      rule(Set.of("POST"), "/(job|job-definition|execution|external-task)(/count)?", Access.MANAGERS));

  private EngineAdminEndpoints() {
  }

  /** Whether the path (inside the engine API) belongs to a guarded family. */
  public static boolean isGuarded(String enginePath) {
    return FAMILY.matcher(enginePath).matches();
  }

  /**
   * The access the call needs on /engine-rest ({@code webappSession} false) or on the webapps' engine API;
   * administrators for any call in a guarded family that no rule names.
   */
  public static Access required(String method, String enginePath, boolean webappSession) {
    return RULES.stream().filter(r -> r.matches(method, enginePath, webappSession)).map(Rule::access).findFirst()
        .orElse(Access.ADMINISTRATORS);
  }

  /** Whether the call sets a job's or an external task's retries (a failed delivery tried again). */
  public static boolean isRetry(String method, String enginePath) {
    return "PUT".equals(method) && RETRIES.matcher(enginePath).matches();
  }

  /** Whether a caller with these groups passes; empty means "depends on the job", see {@link Access}. */
  public static Optional<Boolean> allows(Access access, Collection<String> groups) {
    if (groups.contains(NrsRole.ADMINISTRATORS.groupId())) {
      return Optional.of(true);
    }
    return switch (access) {
      case ANY_USER -> Optional.of(true);
      case MANAGERS -> Optional.of(groups.contains(NrsRole.MANAGERS.groupId()));
      case MANAGERS_OR_POLICY_STAFF -> Optional.of(groups.contains(NrsRole.MANAGERS.groupId())
          || groups.contains(NrsRole.POLICY_STAFF.groupId()));
      case POLICY_STAFF -> Optional.of(groups.contains(NrsRole.POLICY_STAFF.groupId()));
      case MANAGERS_ON_PROCESS_JOBS -> groups.contains(NrsRole.MANAGERS.groupId()) ? Optional.empty() : Optional.of(false);
      case ADMINISTRATORS -> Optional.of(false);
    };
  }
}
