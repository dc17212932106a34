package md.nrs.referral.custody;

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
 * "Check the request": the requester (the start's initiator) must hold the case or the service, the receiving
 * team must be active in the directory ({@link TransferRequests}); otherwise the start is refused as an invalid
 * form and nothing is created. The transfer then carries the case code as business key and the current holder.
 */
@Component("checkTransferRequest")
public class CheckTransferRequest implements JavaDelegate {

  private final TransferRequests requests;
  private final AuditTrail audit;

  public CheckTransferRequest(TransferRequests requests, AuditTrail audit) {
    this.requests = requests;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CaseTransferProcess.CASE_CODE.get(execution);
    String requestedBy = CaseTransferProcess.REQUESTED_BY.get(execution);
    var engine = execution.getProcessEngineServices();
    List<String> groups = requestedBy == null ? List.of() : asPlatform(engine, () -> engine.getIdentityService()
        .createGroupQuery().groupMember(requestedBy).list().stream().map(Group::getId).toList());
    TransferRequests.Verdict verdict = requests.check(caseCode, CaseTransferProcess.TRANSFER_SCOPE.get(execution),
        CaseTransferProcess.TO_TEAM.get(execution), CaseTransferProcess.TRANSFER_REASON.get(execution), groups);
    if (!verdict.accepted()) {
      TransferRequests.Field field = verdict.field() == null ? TransferRequests.Field.CODE : verdict.field();
      throw new InvalidFormException(CaseTransferProcess.FORM_REQUEST_TRANSFER, List.of(new FieldError(field.inForm(),
          verdict.message())));
    }
    execution.setProcessBusinessKey(caseCode);
    CaseTransferProcess.TRANSFER_SCOPE.set(execution, verdict.scope());
    CaseTransferProcess.FROM_TEAM.set(execution, verdict.fromTeam());
    audit.recordAfterCommit(new AuditEvent(requestedBy, AuditActions.TRANSFER_REQUESTED, caseCode,
        verdict.reason().wireName(), AuditEvent.OK, null, verdict.scope() + " from " + verdict.fromTeam() + " to "
            + CaseTransferProcess.TO_TEAM.get(execution) + "; waiting for the receiving team"));
  }
}
