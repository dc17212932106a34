package md.nrs.referral.persons;

import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.engine.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the decision": links the two cases as one person, or remembers that they are not. */
@Component("recordDuplicateDecision")
public class RecordDuplicateDecision implements JavaDelegate {

  private final PersonLinks links;
  private final AuditTrail audit;

  public RecordDuplicateDecision(PersonLinks links, AuditTrail audit) {
    this.links = links;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = PossibleDuplicateProcess.CASE_CODE.get(execution);
    String other = PossibleDuplicateProcess.DUPLICATE_OF.get(execution);
    String decision = PossibleDuplicateProcess.DECISION.get(execution);
    Caller caller = Caller.current();
    String by = caller.userId() == null ? "platform" : caller.userId();
    links.decide(caseCode, other, decision, by);
    audit.recordAfterCommit(new AuditEvent(by, AuditActions.DUPLICATE_DECIDED, caseCode, "possible duplicate of " + other,
        AuditEvent.OK, caller.clientAddress(), decision));
  }
}
