package md.nrs.referral.casepath;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Reads a case's recovery and reflection period for the paths that run beside the case (justice, foreign victim):
 * the case path sets it at the identification interview, the others only ask whether it still runs. Call as the
 * platform (the case is not necessarily visible to the caller).
 */
public final class ReflectionPeriods {

  private ReflectionPeriods() {
  }

  /** The case's variables the period is read from, with any others the caller wants, or an empty map without a case. */
  public static Map<String, Object> facts(RuntimeService engine, String caseCode, String... others) {
    ProcessInstance nrsCase = engine.createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).list().stream().findFirst().orElse(null);
    if (nrsCase == null) {
      return Map.of();
    }
    List<String> names = new ArrayList<>(List.of(NrsCaseProcess.REFLECTION_PERIOD_ENDS_AT.name(),
        NrsCaseProcess.REFLECTION_PERIOD_OVER.name()));
    names.addAll(List.of(others));
    return engine.getVariables(nrsCase.getId(), names);
  }

  /** When the period ends if it is still running (ISO date-time), else null. */
  public static String runningUntil(Map<String, Object> facts) {
    Object endsAt = facts.get(NrsCaseProcess.REFLECTION_PERIOD_ENDS_AT.name());
    boolean running = endsAt instanceof String && !Boolean.TRUE.equals(facts.get(NrsCaseProcess.REFLECTION_PERIOD_OVER.name()))
        && OffsetDateTime.parse((String) endsAt).toInstant().isAfter(PlatformClock.now());
    return running ? (String) endsAt : null;
  }
}
