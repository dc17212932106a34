package md.nrs.referral.crossborder;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The request must name an open NRS case the requester's agency has a part in (a task on it, or the person's
 * consent to share it with the agency; NRS coordinators always): otherwise it is refused at the start, with the
 * same answer whether or not the code exists, and nothing is created.
 * The request takes the case code as business key and remembers the requesting agency (the starter's
 * agency, else the case's responsible team), which is told of the outcome.
 */
@Component("checkCase")
public class CheckCase implements JavaDelegate {

  /** The one answer for an unknown code, a closed case and a case the requester has no part in. */
  static final String NOT_YOURS = "no open NRS case of your agency has this code";

  private final Agencies agencies;
  private final PartnerSharingConsent consent;

  public CheckCase(Agencies agencies, PartnerSharingConsent consent) {
    this.agencies = agencies;
    this.consent = consent;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = OutboundReferralProcess.CASE_CODE.get(execution);
    var engine = execution.getProcessEngineServices();
    ProcessInstance caseInstance = asPlatform(engine, () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).active().singleResult());
    String requestedBy = OutboundReferralProcess.REQUESTED_BY.get(execution);
    List<String> groups = requestedBy == null ? List.of() : asPlatform(engine, () -> engine.getIdentityService()
        .createGroupQuery().groupMember(requestedBy).list().stream().map(Group::getId).toList());
    List<String> own = agencies.activeAmong(groups);
    // An unknown code and a case of others answer alike: the form is no oracle for which case codes exist.
    boolean hasAPart = requestedBy == null || groups.contains(NrsRole.NRS_COORDINATORS.groupId())
        || own.stream().anyMatch(agency -> caseInstance != null && consent.hasAPart(caseCode, agency));
    if (caseInstance == null || !hasAPart) {
      throw new InvalidFormException(OutboundReferralProcess.FORM_REQUEST, List.of(new FieldError("caseCode", NOT_YOURS)));
    }
    execution.setProcessBusinessKey(caseCode);
    String requestingAgency = own.size() == 1 ? own.get(0) : (String) asPlatform(engine, () ->
        engine.getRuntimeService().getVariable(caseInstance.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()));
    OutboundReferralProcess.REQUESTING_AGENCY.set(execution, requestingAgency);
  }
}
