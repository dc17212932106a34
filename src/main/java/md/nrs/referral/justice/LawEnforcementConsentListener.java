package md.nrs.referral.justice;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.privacy.ConsentChanged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The person's consent to inform law enforcement, given for the first time (or again after a withdrawal), starts
 * the criminal-justice process by message; withdrawn (or consent to assistance withdrawn), it ends the running one by
 * message. Nothing else starts it,
 * so the justice path never becomes a condition of assistance: the case path goes on whatever happens here.
 * Runs in the transaction that records the consent, so both stand or fall together.
 */
@Component
class LawEnforcementConsentListener {

  static final String LAW_ENFORCEMENT = "law-enforcement";
  static final String ASSISTANCE = "assistance";

  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<IdentityService> identity;
  private final String policeAgency;

  LawEnforcementConsentListener(ObjectProvider<RuntimeService> runtime, ObjectProvider<IdentityService> identity,
      @Value("${nrs.justice.police-agency:cctp}") String policeAgency) {
    this.runtime = runtime;
    this.identity = identity;
    this.policeAgency = policeAgency;
  }

  @EventListener
  void onConsentChanged(ConsentChanged change) {
    if (ASSISTANCE.equals(change.purpose()) && change.isWithdrawn() && running(change.caseCode())) {
      stop(change); // consent to everything withdrawn: the police are told as well
      return;
    }
    if (!LAW_ENFORCEMENT.equals(change.purpose())) {
      return;
    }
    if (change.isNewlyGiven() && !running(change.caseCode())) {
      start(change);
    } else if (change.isWithdrawn() && running(change.caseCode())) {
      stop(change);
    }
  }

  private void stop(ConsentChanged change) {
    asPlatform(identity.getObject(), () -> runtime.getObject().createMessageCorrelation(CriminalJusticeProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceBusinessKey(change.caseCode()).correlateAllWithResult());
  }

  private void start(ConsentChanged change) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CriminalJusticeProcess.CASE_CODE.name(), change.caseCode());
    variables.put(CriminalJusticeProcess.POLICE_AGENCY.name(), policeAgency);
    variables.put(CriminalJusticeProcess.SUPPORTING_AGENCY.name(), change.recordedAgency() == null ? "nrs-coordinators" : change.recordedAgency());
    PlatformStarts.withBusinessKey(change.caseCode(), () -> asPlatform(identity.getObject(), () -> runtime.getObject()
        .createMessageCorrelation(CriminalJusticeProcess.MESSAGE_CONSENT_GIVEN).processInstanceBusinessKey(change.caseCode())
        .setVariables(variables).correlateStartMessage()));
  }

  private boolean running(String caseCode) {
    return asPlatform(identity.getObject(), () -> runtime.getObject().createProcessInstanceQuery()
        .processDefinitionKey(CriminalJusticeProcess.KEY).processInstanceBusinessKey(caseCode).active().count() > 0);
  }
}
