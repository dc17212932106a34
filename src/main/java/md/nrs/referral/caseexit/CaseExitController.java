package md.nrs.referral.caseexit;

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
 * {@code POST /api/cases/{code}/exit-proposals}: staff of an agency with an open step on the case (or an NRS
 * coordinator) propose ending it with a reason. The rules are {@link ExitProposals}'; a proposal accepted
 * starts processes/case-exit.bpmn as the caller — the same start as Tasklist's form, checked again inside
 * — and waits for a coordinator. Refusals change nothing but the audit trail.
 */
@RestController
public class CaseExitController {

  private final ExitProposals proposals;
  private final IdentityService identity;
  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final AuditTrail audit;

  public CaseExitController(ExitProposals proposals, IdentityService identity, FormService forms,
      RepositoryService repository, TaskService tasks, AuditTrail audit) {
    this.proposals = proposals;
    this.identity = identity;
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
    this.audit = audit;
  }

  @Operation(summary = "Propose ending a case at any step", description = "For staff of an agency with an open step "
      + "on the case and for NRS coordinators. reason: not-a-victim, lost-contact (needs contactAttempts, at least the "
      + "number case-exit-policy.dmn says), deceased, re-trafficked (a new risk review, the case stays open), "
      + "moved-abroad (the team first offers a referral abroad), refuses-assistance, transferred-to-another-nrs, "
      + "consent-withdrawn. An NRS coordinator other than the proposer approves or declines in Tasklist.",
      security = @SecurityRequirement(name = "basicAuth"), responses = {
          @ApiResponse(responseCode = "201", description = "Proposed: waiting for a coordinator's decision"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong (fieldErrors names it)"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller has no open step on the case (also for an unknown code)"),
          @ApiResponse(responseCode = "409", description = "The case has ended, or a proposal is already waiting")})
  @PostMapping("/api/cases/{code}/exit-proposals")
  public ResponseEntity<ProposalAnswer> propose(@PathVariable String code,
      @RequestBody(required = false) ExitProposalRequest request) {
    Caller caller = Caller.current(identity);
    String reason = request == null ? null : request.reason();
    Integer attempts = request == null ? null : request.contactAttempts();
    ExitProposals.Verdict verdict = proposals.check(code, reason, attempts, caller.userId(), caller.groups());
    if (!verdict.accepted()) {
      audit.record(new AuditEvent(caller.userId(), AuditActions.EXIT_PROPOSED, CaseCodes.shown(code),
          ExitReason.of(reason).map(ExitReason::wireName).orElse("(no valid reason)"), AuditEvent.REFUSED,
          caller.clientAddress(), verdict.refusal().status() + " " + verdict.message()));
      throw new ApiProblem(verdict.refusal(), verdict.message(), verdict.field() == null ? List.of()
          : List.of(new FieldError(verdict.field().inApi(), verdict.message())));
    }
    Map<String, Object> form = new HashMap<>();
    form.put(CaseExitProcess.CASE_CODE.name(), code);
    form.put(CaseExitProcess.EXIT_REASON.name(), verdict.reason().wireName());
    if (attempts != null) {
      form.put(CaseExitProcess.CONTACT_ATTEMPTS.name(), attempts);
    }
    String definition = asPlatform(identity, () -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseExitProcess.KEY).latestVersion().singleResult().getId());
    ProcessInstance proposal = forms.submitStartForm(definition, form); // as the caller: the initiator is the proposer
    Task approval = asPlatform(identity, () -> tasks.createTaskQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey(CaseExitProcess.Elements.APPROVE_EXIT).singleResult());
    return ResponseEntity.created(URI.create("/api/cases/" + code + "/exit-proposals/" + proposal.getId()))
        .cacheControl(CacheControl.noStore()).body(new ProposalAnswer(proposal.getId(), code, verdict.reason().wireName(),
            verdict.proposingAgency(), "awaiting-approval", approval == null ? null : new Approval(approval.getName(),
                approval.getId(), ExitProposals.COORDINATORS,
                approval.getDueDate() == null ? null : approval.getDueDate().toInstant().toString())));
  }

  /** The proposal as posted: the reason and, for lost contact, the documented attempts. Nothing personal. */
  public record ExitProposalRequest(String reason, Integer contactAttempts) {
  }

  /** A proposal accepted: its id (the case-exit instance), what it proposes and the decision it waits for. */
  public record ProposalAnswer(String proposalId, String caseCode, String reason, String proposingAgency, String status,
      Approval approval) {
  }

  /** The coordinators' task that decides it. */
  public record Approval(String task, String taskId, String candidateGroup, String due) {
  }
}
