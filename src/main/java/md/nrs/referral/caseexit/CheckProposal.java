package md.nrs.referral.caseexit;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * "Check the proposal": the proposer (the start's initiator) must have an open step on the open case, with a
 * reason the policy accepts ({@link ExitProposals}); otherwise the start is refused as an invalid form and
 * nothing is created. The proposal then carries the case code as business key.
 */
@Component("checkExitProposal")
public class CheckProposal implements JavaDelegate {

  private final ExitProposals proposals;
  private final AuditTrail audit;

  public CheckProposal(ExitProposals proposals, AuditTrail audit) {
    this.proposals = proposals;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CaseExitProcess.CASE_CODE.get(execution);
    String proposedBy = CaseExitProcess.PROPOSED_BY.get(execution);
    var engine = execution.getProcessEngineServices();
    List<String> groups = proposedBy == null ? List.of() : asPlatform(engine, () -> engine.getIdentityService()
        .createGroupQuery().groupMember(proposedBy).list().stream().map(Group::getId).toList());
    Object attempts = execution.getVariable(CaseExitProcess.CONTACT_ATTEMPTS.name());
    ExitProposals.Verdict verdict = proposals.check(caseCode, CaseExitProcess.EXIT_REASON.get(execution),
        attempts instanceof Number n ? Integer.valueOf(n.intValue()) : null, proposedBy, groups);
    if (!verdict.accepted()) {
      ExitProposals.Field field = verdict.field() == null ? ExitProposals.Field.CODE : verdict.field();
      throw new InvalidFormException(CaseExitProcess.FORM_PROPOSE_EXIT, List.of(new FieldError(field.inForm(),
          verdict.message())));
    }
    execution.setProcessBusinessKey(caseCode);
    CaseExitProcess.PROPOSING_AGENCY.set(execution, verdict.proposingAgency());
    audit.recordAfterCommit(new AuditEvent(proposedBy, AuditActions.EXIT_PROPOSED, caseCode, verdict.reason().wireName(),
        AuditEvent.OK, null, "proposed for " + verdict.proposingAgency() + "; waiting for an NRS coordinator"));
  }
}
