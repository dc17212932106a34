package md.nrs.referral.reopening;

import static md.nrs.referral.engine.Platform.asPlatform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{code}/reopenings}: the team that had a closed case, or an NRS coordinator, reopens it with
 * a reason. The rules are {@link ReopeningRequests}'; a request accepted starts processes/case-reopening.bpmn as the
 * caller — the same start as Tasklist's form, checked again inside — which starts the reopened nrs-case at once.
 */
@RestController
public class CaseReopeningController {

  private final ReopeningRequests requests;
  private final IdentityService identity;
  private final FormService forms;
  private final RepositoryService repository;
  private final HistoryService history;
  private final AuditTrail audit;

  public CaseReopeningController(ReopeningRequests requests, IdentityService identity, FormService forms,
      RepositoryService repository, HistoryService history, AuditTrail audit) {
    this.requests = requests;
    this.identity = identity;
    this.forms = forms;
    this.repository = repository;
    this.history = history;
    this.audit = audit;
  }

  @Operation(summary = "Reopen a closed case", description = "For the team that had the case at its end and NRS "
      + "coordinators, within the retention period. reason: asked-for-help-again, re-trafficked, unmet-needs, "
      + "closed-in-error; location (optional): moldova, transnistria, abroad. The case keeps its code; its consents "
      + "are confirmed again in the reopened case's informed consent.",
      security = @SecurityRequirement(name = "basicAuth"), responses = {
          @ApiResponse(responseCode = "201", description = "Reopened: the case runs again from triage"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong (fieldErrors names it)"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller did not have the case (also for an unknown code)"),
          @ApiResponse(responseCode = "409", description = "The case is not closed, was anonymised, or its retention period is over")})
  @PostMapping("/api/cases/{code}/reopenings")
  public ResponseEntity<ReopeningAnswer> reopen(@PathVariable String code,
      @RequestBody(required = false) ReopeningRequest request) {
    Caller caller = Caller.current(identity);
    String reason = request == null ? null : request.reason();
    String location = request == null ? null : request.location();
    ReopeningRequests.Verdict verdict = requests.check(code, reason, location, caller.groups());
    if (!verdict.accepted()) {
      audit.record(new AuditEvent(caller.userId(), AuditActions.CASE_REOPENED, CaseCodes.shown(code),
          ReopeningReason.of(reason).map(ReopeningReason::wireName).orElse("(no valid reason)"), AuditEvent.REFUSED,
          caller.clientAddress(), verdict.refusal().status() + " " + verdict.message()));
      throw new ApiProblem(verdict.refusal(), verdict.message(), verdict.field() == null ? List.of()
          : List.of(new FieldError(verdict.field().inApi(), verdict.message())));
    }
    Map<String, Object> form = new HashMap<>();
    form.put(CaseReopeningProcess.CASE_CODE.name(), code);
    form.put(CaseReopeningProcess.REOPENING_REASON.name(), verdict.reason().wireName());
    if (location != null && !location.isBlank()) {
      form.put(CaseReopeningProcess.LOCATION.name(), location);
    }
    String definition = asPlatform(identity, () -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseReopeningProcess.KEY).latestVersion().singleResult().getId());
    ProcessInstance reopening = forms.submitStartForm(definition, form); // as the caller: the initiator is the requester
    Map<String, Object> done = asPlatform(identity, () -> {
      Map<String, Object> values = new HashMap<>();
      history.createHistoricVariableInstanceQuery().processInstanceId(reopening.getId()).list()
          .forEach(v -> values.put(v.getName(), v.getValue()));
      return values;
    });
    return ResponseEntity.created(URI.create("/api/cases/" + code + "/reopenings/" + reopening.getId()))
        .cacheControl(CacheControl.noStore()).body(new ReopeningAnswer(reopening.getId(), code,
            verdict.reason().wireName(), (Integer) done.get(CaseReopeningProcess.REOPENING.name()),
            (String) done.get(CaseReopeningProcess.REOPENED_FROM.name()),
            (String) done.get(CaseReopeningProcess.REOPENED_CASE.name()), "reopened"));
  }

  /** The request as posted: why, and where the person is now if that changed. Nothing personal. */
  public record ReopeningRequest(String reason, String location) {
  }

  /** A case reopened: the reopening's id, the counter and the closed and the new nrs-case instances. */
  public record ReopeningAnswer(String reopeningId, String caseCode, String reason, Integer reopening,
      String reopenedFrom, String caseInstance, String status) {
  }
}
