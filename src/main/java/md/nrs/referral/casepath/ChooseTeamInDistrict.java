package md.nrs.referral.casepath;

import java.util.Map;
import md.nrs.referral.agencies.Agencies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Triage the referral", at its end: referral-triage.dmn says which kind of team is responsible (the service it is
 * found by, and the district when the rule fixes it), the agency directory says which team that is — the active team
 * of the district offering that service. The district is the rule's, or the one the referral names. Where the
 * directory names none (no district given, none active there) triage's own team stands (a policy default). The
 * answer is the task's local {@code teamInDistrict}, which the task's output mapping makes the responsible team.
 */
@Component("chooseTeamInDistrict")
public class ChooseTeamInDistrict implements ExecutionListener {

  static final String TRIAGE_RESULT = "triage";

  private final Agencies agencies;

  public ChooseTeamInDistrict(Agencies agencies) {
    this.agencies = agencies;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<?, ?> triage = execution.getVariable(TRIAGE_RESULT) instanceof Map<?, ?> result ? result : Map.of();
    String fallback = text(triage.get(NrsCaseProcess.RESPONSIBLE_TEAM.name()));
    String service = text(triage.get("teamService"));
    String district = text(triage.get("teamDistrict"));
    if (district == null) {
      district = NrsCaseProcess.DISTRICT.get(execution);
    }
    String team = service == null || district == null ? fallback
        : agencies.serving(service, district).orElse(fallback);
    execution.setVariableLocal(NrsCaseProcess.TEAM_IN_DISTRICT.name(), team);
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}
