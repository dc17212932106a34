package md.nrs.referral.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.forms.FieldError;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{code}/safety-incidents} and {@code POST /api/cases/{code}/shelter-left-early}:
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
  public ResponseEntity<Map<String, Object>> safetyIncident(@PathVariable String code,
      @Valid @RequestBody SafetyIncidentRequest request) {
    return answer(incidents.report(new IncidentReport(ReportType.SAFETY_INCIDENT, code, request.kind(),
        request.occurredOn(), request.note()), Caller.current(identity)), "Urgent risk review");
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
  public ResponseEntity<Map<String, Object>> shelterLeftEarly(@PathVariable String code,
      @Valid @RequestBody ShelterLeftEarlyRequest request) {
    return answer(incidents.report(new IncidentReport(ReportType.SHELTER_LEFT_EARLY, code, ShelterLeftEarlyRequest.KIND,
        request.leftOn(), request.note()), Caller.current(identity)), "Discharge from the shelter");
  }

  private static ResponseEntity<Map<String, Object>> answer(CaseIncidents.Outcome outcome, String taskName) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (outcome.incident() == null) {
      body.put("type", outcome.type());
      body.put("message", outcome.message());
      if (outcome.field() != null) {
        body.put("fieldErrors", List.of(new FieldError(outcome.field(), outcome.message())));
      }
      return ResponseEntity.status(outcome.status()).cacheControl(CacheControl.noStore()).body(body);
    }
    CaseIncident incident = outcome.incident();
    body.put("incidentId", incident.getId());
    body.put("caseCode", incident.getCaseCode());
    body.put("report", incident.getReportType());
    body.put("kind", incident.getKind());
    body.put("occurredOn", incident.getOccurredOn().toString());
    body.put("reportedAt", incident.getReportedAt().toString());
    body.put("noteKept", incident.hasNote());
    body.put("repeated", outcome.repeated());
    RoutedTask task = incident.routedTask();
    Map<String, Object> routed = new LinkedHashMap<>();
    routed.put("task", taskName);
    routed.put("taskId", task == null ? null : task.taskId());
    routed.put("candidateGroup", task == null ? null : task.candidateGroup());
    routed.put("due", task == null || task.due() == null ? null : task.due().toString());
    body.put("routedTo", routed);
    return ResponseEntity.status(outcome.status()).cacheControl(CacheControl.noStore()).body(body);
  }
}
