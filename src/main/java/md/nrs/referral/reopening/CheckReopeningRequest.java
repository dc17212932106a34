package md.nrs.referral.reopening;

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
 * "Check the request": the requester (the start's initiator) must be of the team that had the closed case or an NRS
 * coordinator, the case closed, within its retention period and not anonymised ({@link ReopeningRequests});
 * otherwise the start is refused as an invalid form and nothing is created.
 */
@Component("checkReopeningRequest")
public class CheckReopeningRequest implements JavaDelegate {

  private final ReopeningRequests requests;
  private final AuditTrail audit;

  public CheckReopeningRequest(ReopeningRequests requests, AuditTrail audit) {
    this.requests = requests;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CaseReopeningProcess.CASE_CODE.get(execution);
    String requestedBy = CaseReopeningProcess.REOPENED_BY.get(execution);
    var engine = execution.getProcessEngineServices();
    List<String> groups = requestedBy == null ? List.of() : asPlatform(engine, () -> engine.getIdentityService()
        .createGroupQuery().groupMember(requestedBy).list().stream().map(Group::getId).toList());
    ReopeningRequests.Verdict verdict = requests.check(caseCode, CaseReopeningProcess.REOPENING_REASON.get(execution),
        CaseReopeningProcess.LOCATION.get(execution), groups);
    if (!verdict.accepted()) {
      ReopeningRequests.Field field = verdict.field() == null ? ReopeningRequests.Field.CODE : verdict.field();
      throw new InvalidFormException(CaseReopeningProcess.FORM_REOPEN_CASE, List.of(new FieldError(field.inForm(),
          verdict.message())));
    }
    execution.setProcessBusinessKey(caseCode);
    CaseReopeningProcess.REOPENED_FROM.set(execution, verdict.closed().getId());
    audit.recordAfterCommit(new AuditEvent(requestedBy, AuditActions.CASE_REOPENED, caseCode,
        verdict.reason().wireName(), AuditEvent.OK, null, "reopened by " + verdict.team()));
  }
}
