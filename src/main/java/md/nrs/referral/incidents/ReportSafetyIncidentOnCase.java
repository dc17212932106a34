package md.nrs.referral.incidents;

import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Report the incident on the case": the report of the Tasklist form goes through {@link CaseIncidents}, the service of
 * the REST endpoint, as the user who submitted it — the same rule of who may, the same audit, the same urgent risk
 * review. A refusal (no part in the case, an unknown or ended case) refuses the start as an invalid form at
 * {@code caseCode}, with the endpoint's message, and nothing is created.
 */
@Component("reportSafetyIncidentOnCase")
public class ReportSafetyIncidentOnCase implements JavaDelegate {

  private final CaseIncidents incidents;

  public ReportSafetyIncidentOnCase(CaseIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = SafetyIncidentReportProcess.CASE_CODE.get(execution);
    CaseIncidents.Outcome outcome = incidents.report(new IncidentReport(ReportType.SAFETY_INCIDENT, caseCode,
        SafetyIncidentReportProcess.INCIDENT_KIND.get(execution), SafetyIncidentReportProcess.INCIDENT_OCCURRED_ON.get(execution),
        null), Caller.current());
    if (outcome.incident() == null) {
      throw new InvalidFormException(SafetyIncidentReportProcess.FORM_REPORT_SAFETY_INCIDENT,
          List.of(new FieldError(SafetyIncidentReportProcess.CASE_CODE.name(), outcome.message())));
    }
    execution.setProcessBusinessKey(caseCode);
    SafetyIncidentReportProcess.INCIDENT_ID.set(execution, outcome.incident().getId());
    RoutedTask review = outcome.incident().routedTask();
    if (review != null) {
      SafetyIncidentReportProcess.REVIEW_TASK_ID.set(execution, review.taskId());
    }
  }
}
