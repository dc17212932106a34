package md.nrs.referral.audit;

import java.time.Instant;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors: query it and verify the chain. Read-only: no endpoint edits or deletes
 * an entry. Each query is itself an export of audit data and is recorded.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  private static final int MAX_PAGE = 500;

  private final AuditTrail trail;
  private final IdentityService identity;

  public AuditController(AuditTrail trail, IdentityService identity) {
    this.trail = trail;
    this.identity = identity;
  }

  @GetMapping
  public ResponseEntity<?> query(@RequestParam(required = false) String caseCode,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    Caller caller = Caller.current(identity);
    if (!caller.in(NrsRole.AUDITORS.groupId())) {
      throw refused(caller, "query");
    }
    if (page < 0 || size < 1 || size > MAX_PAGE || (long) page * size > Integer.MAX_VALUE) {
      throw new ApiProblem.Invalid("page must be 0 or more, size between 1 and " + MAX_PAGE
          + ", and page × size at most " + Integer.MAX_VALUE);
    }
    List<AuditEntry> found = trail.search(caseCode, actor, action, from == null ? Instant.EPOCH : from,
        to == null ? Instant.parse("9999-12-31T00:00:00Z") : to, page, size);
    trail.record(new AuditEvent(caller.userId(), AuditActions.EXPORT, caseCode, "/api/audit", AuditEvent.OK,
        caller.clientAddress(), "audit query, " + found.size() + " entries"));
    return ResponseEntity.ok(found.stream().map(Item::of).toList());
  }

  @PostMapping("/verify")
  public ResponseEntity<?> verify() {
    Caller caller = Caller.current(identity);
    if (!caller.in(NrsRole.AUDITORS.groupId())) {
      throw refused(caller, "verify");
    }
    AuditTrail.Verification result = trail.verify();
    trail.record(new AuditEvent(caller.userId(), AuditActions.AUDIT_VERIFIED, null, "/api/audit/verify",
        result.valid() ? AuditEvent.OK : AuditEvent.FAILED, caller.clientAddress(),
        result.valid() ? result.entriesChecked() + " entries valid" : result.problem()));
    return ResponseEntity.ok(result);
  }

  private ApiProblem refused(Caller caller, String what) {
    trail.record(new AuditEvent(caller.userId(), AuditActions.EXPORT, null, "/api/audit", AuditEvent.REFUSED,
        caller.clientAddress(), "audit " + what + " by a non-auditor"));
    return new ApiProblem.Forbidden("Only auditors may " + what + " the audit trail");
  }

  /** An entry as auditors see it. */
  public record Item(long seq, Instant occurredAt, String actor, String action, String caseCode, String subject,
      String outcome, String clientAddress, String detail, String prevHash, String hash) {

    static Item of(AuditEntry e) {
      return new Item(e.getSeq(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getCaseCode(), e.getSubject(),
          e.getOutcome(), e.getClientAddress(), e.getDetail(), e.getPrevHash(), e.getHash());
    }
  }
}
