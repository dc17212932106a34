package md.nrs.referral.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{code}/safety-incidents}, {@code POST /api/cases/{code}/person-not-reachable} and
 * {@code POST /api/cases/{code}/shelter-left-early}:
 * the people who see an incident report it on the case (see {@link CaseIncidents} for who may). The body is
 * checked first (400 naming each bad field), then the caller's part in the case. Answers never cached.
 */
@RestController
@RequestMapping("/api/cases/{code}")
public class CaseIncidentController {

  private static final String BASIC_AUTH = "basicAuth";

  private final CaseIncidents incidents;
  private final IdentityService identity;

  public CaseIncidentController(CaseIncidents incidents, IdentityService identity) {
    this.incidents = incidents;
    this.identity = identity;
  }

  @Operation(summary = "Report a safety incident on a case", description = "Opens the urgent risk review of the "
      + "case for the NRS coordinators. For staff of an agency with a task on the case and for NRS coordinators. "
      + "The same user reporting the same kind on the same case again within 2 minutes gets the first answer "
      + "(200) and no second review. The note is stored sealed, never in the case process or a log.",
      security = @SecurityRequirement(name = BASIC_AUTH), responses = {
          @ApiResponse(responseCode = "201", description = "Reported: the incident and the review task it opened"),
          @ApiResponse(responseCode = "200", description = "The same report a moment ago: its first answer"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong, or the case has ended "
              + "(fieldErrors names each)"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller has no part in the case (also for an unknown code)")})
  @PostMapping("/safety-incidents")
  public ResponseEntity<IncidentAnswer> safetyIncident(@PathVariable String code,
      @Valid @RequestBody SafetyIncidentRequest request) {
    return answer(incidents.report(new IncidentReport(ReportType.SAFETY_INCIDENT, code, request.kind(),
        request.occurredOn(), request.note()), Caller.current(identity)), "Urgent risk review");
  }

  @Operation(summary = "Report that the person cannot be reached", description = "Opens the urgent risk review of the "
      + "case for the NRS coordinators, as a safety incident does. For staff of an agency with a task on the case and for "
      + "NRS coordinators; a repeat within 2 minutes gets the first answer (200). The note is stored sealed.",
      security = @SecurityRequirement(name = BASIC_AUTH), responses = {
          @ApiResponse(responseCode = "201", description = "Reported: the review task it opened"),
          @ApiResponse(responseCode = "200", description = "The same report a moment ago: its first answer"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong, or the case has ended"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller has no part in the case (also for an unknown code)")})
  @PostMapping("/person-not-reachable")
  public ResponseEntity<IncidentAnswer> personNotReachable(@PathVariable String code,
      @Valid @RequestBody PersonNotReachableRequest request) {
    return answer(incidents.report(new IncidentReport(ReportType.PERSON_NOT_REACHABLE, code, PersonNotReachableRequest.KIND,
        request.since(), request.note()), Caller.current(identity)), "Urgent risk review");
  }

  @Operation(summary = "Report that the person left the shelter early", description = "Ends the shelter stay of "
      + "the case and opens the discharge for the shelter. For the shelter's staff on the case and for NRS "
      + "coordinators; a repeat within 2 minutes gets the first answer (200).",
      security = @SecurityRequirement(name = BASIC_AUTH), responses = {
          @ApiResponse(responseCode = "201", description = "Reported: the discharge task it opened"),
          @ApiResponse(responseCode = "200", description = "The same report a moment ago: its first answer"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong, or the case has ended"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller is not the shelter's staff on the case"),
          @ApiResponse(responseCode = "409", description = "The case has no active shelter stay")})
  @PostMapping("/shelter-left-early")
  public ResponseEntity<IncidentAnswer> shelterLeftEarly(@PathVariable String code,
      @Valid @RequestBody ShelterLeftEarlyRequest request) {
    return answer(incidents.report(new IncidentReport(ReportType.SHELTER_LEFT_EARLY, code, ShelterLeftEarlyRequest.KIND,
        request.leftOn(), request.note()), Caller.current(identity)), "Discharge from the shelter");
  }

  private static ResponseEntity<IncidentAnswer> answer(CaseIncidents.Outcome outcome, String taskName) {
    if (outcome.incident() == null) {
      throw new ApiProblem(outcome.type(), outcome.message(),
          outcome.field() == null ? List.of() : List.of(new FieldError(outcome.field(), outcome.message())));
    }
    CaseIncident incident = outcome.incident();
    RoutedTask task = incident.routedTask();
    return ResponseEntity.status(outcome.status()).cacheControl(CacheControl.noStore()).body(new IncidentAnswer(
        incident.getId(), incident.getCaseCode(), incident.getReportType(), incident.getKind(),
        incident.getOccurredOn().toString(), incident.getReportedAt().toString(), incident.hasNote(), outcome.repeated(),
        new RoutedTo(taskName, task == null ? null : task.taskId(), task == null ? null : task.candidateGroup(),
            task == null || task.due() == null ? null : task.due().toString())));
  }

  /** A report accepted: the incident kept and the task it opened. */
  public record IncidentAnswer(String incidentId, String caseCode, String report, String kind, String occurredOn,
      String reportedAt, boolean noteKept, boolean repeated, RoutedTo routedTo) {
  }

  /** The task a report opened: its name, id, the group it is offered to and when it is due. */
  public record RoutedTo(String task, String taskId, String candidateGroup, String due) {
  }
}
