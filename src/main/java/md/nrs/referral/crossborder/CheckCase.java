package md.nrs.referral.crossborder;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The request must name an open NRS case: otherwise it is refused at the start (nothing is created).
 * The request takes the case code as business key and remembers the requesting agency (the starter's
 * agency, else the case's responsible team), which is told of the outcome.
 */
@Component("checkCase")
public class CheckCase implements JavaDelegate {

  private final Agencies agencies;

  public CheckCase(Agencies agencies) {
    this.agencies = agencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = OutboundReferralProcess.CASE_CODE.get(execution);
    var engine = execution.getProcessEngineServices();
    ProcessInstance caseInstance = asPlatform(engine, () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).active().singleResult());
    if (caseInstance == null) {
      throw new InvalidFormException(OutboundReferralProcess.FORM_REQUEST,
          List.of(new FieldError("caseCode", "no open NRS case has this code")));
    }
    execution.setProcessBusinessKey(caseCode);
    String requestedBy = OutboundReferralProcess.REQUESTED_BY.get(execution);
    List<String> groups = requestedBy == null ? List.of() : asPlatform(engine, () -> engine.getIdentityService()
        .createGroupQuery().groupMember(requestedBy).list().stream().map(Group::getId).toList());
    List<String> own = agencies.activeAmong(groups);
    String requestingAgency = own.size() == 1 ? own.get(0) : (String) asPlatform(engine, () ->
        engine.getRuntimeService().getVariable(caseInstance.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()));
    OutboundReferralProcess.REQUESTING_AGENCY.set(execution, requestingAgency);
  }
}
