package md.nrs.referral.custody;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{code}/transfers}: the team responsible for a case (for one service, the agency
 * providing it) or an NRS coordinator asks another team of the directory to take it over. The rules are
 * {@link TransferRequests}'; a request accepted starts processes/case-transfer.bpmn as the caller — the same start
 * as Tasklist's form, checked again inside — and waits for the receiving team. Refusals change nothing but the
 * audit trail.
 */
@RestController
public class CaseTransferController {

  private final TransferRequests requests;
  private final IdentityService identity;
  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final AuditTrail audit;

  public CaseTransferController(TransferRequests requests, IdentityService identity, FormService forms,
      RepositoryService repository, TaskService tasks, AuditTrail audit) {
    this.requests = requests;
    this.identity = identity;
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
    this.audit = audit;
  }

  @Operation(summary = "Transfer a case (or one service) to another team", description = "For the team responsible "
      + "for the case, the agency providing the service moved, and NRS coordinators. toTeam: an active agency or team of "
      + "the directory; scope: case (default) or the service type of a running service; reason: returned-home, "
      + "moved-district, better-placed, team-cannot-continue. The receiving team accepts or declines in Tasklist.",
      security = @SecurityRequirement(name = "basicAuth"), responses = {
          @ApiResponse(responseCode = "201", description = "Requested: waiting for the receiving team"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong, e.g. an unknown or inactive team (fieldErrors names it)"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller does not hold the case (also for an unknown code)"),
          @ApiResponse(responseCode = "409", description = "The case has ended, the service is not running, or a transfer is already waiting")})
  @PostMapping("/api/cases/{code}/transfers")
  public ResponseEntity<TransferAnswer> request(@PathVariable String code,
      @RequestBody(required = false) TransferRequest request) {
    Caller caller = Caller.current(identity);
    String scope = request == null ? null : request.scope();
    String toTeam = request == null ? null : request.toTeam();
    String reason = request == null ? null : request.reason();
    TransferRequests.Verdict verdict = requests.check(code, scope, toTeam, reason, caller.groups());
    if (!verdict.accepted()) {
      audit.record(new AuditEvent(caller.userId(), AuditActions.TRANSFER_REQUESTED, CaseCodes.shown(code),
          TransferReason.of(reason).map(TransferReason::wireName).orElse("(no valid reason)"), AuditEvent.REFUSED,
          caller.clientAddress(), verdict.refusal().status() + " " + verdict.message()));
      throw new ApiProblem(verdict.refusal(), verdict.message(), verdict.field() == null ? List.of()
          : List.of(new FieldError(verdict.field().inApi(), verdict.message())));
    }
    Map<String, Object> form = new HashMap<>();
    form.put(CaseTransferProcess.CASE_CODE.name(), code);
    form.put(CaseTransferProcess.TRANSFER_SCOPE.name(), verdict.scope());
    form.put(CaseTransferProcess.TO_TEAM.name(), toTeam);
    form.put(CaseTransferProcess.TRANSFER_REASON.name(), verdict.reason().wireName());
    String definition = asPlatform(identity, () -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseTransferProcess.KEY).latestVersion().singleResult().getId());
    ProcessInstance transfer = forms.submitStartForm(definition, form); // as the caller: the initiator is the requester
    Task decision = asPlatform(identity, () -> tasks.createTaskQuery().processInstanceId(transfer.getId())
        .taskDefinitionKey(CaseTransferProcess.Elements.ACCEPT_TRANSFER).singleResult());
    return ResponseEntity.created(URI.create("/api/cases/" + code + "/transfers/" + transfer.getId()))
        .cacheControl(CacheControl.noStore()).body(new TransferAnswer(transfer.getId(), code, verdict.scope(),
            verdict.fromTeam(), toTeam, verdict.reason().wireName(), "awaiting-acceptance", decision == null ? null
                : new Decision(decision.getName(), decision.getId(), toTeam,
                    decision.getDueDate() == null ? null : decision.getDueDate().toInstant().toString())));
  }

  /** The request as posted: what moves (default the whole case), to which team, and why. Nothing personal. */
  public record TransferRequest(String scope, String toTeam, String reason) {
  }

  /** A request accepted: its id (the case-transfer instance), what it moves and the decision it waits for. */
  public record TransferAnswer(String transferId, String caseCode, String scope, String fromTeam, String toTeam,
      String reason, String status, Decision decision) {
  }

  /** The receiving team's task that decides it. */
  public record Decision(String task, String taskId, String candidateGroup, String due) {
  }
}
