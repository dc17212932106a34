package md.nrs.referral.justice;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.ReflectionPeriods;
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
 * Runs in the transaction that records the consent, so both stand or fall together. While the case's recovery and
 * reflection period runs, the process waits for its end before the police are told, unless the person asked for
 * the police now (the consent form's policeDuringReflectionPeriod).
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
    String periodEndsAt = reflectionPeriodRunningUntil(change.caseCode());
    variables.put(CriminalJusticeProcess.WAIT_FOR_REFLECTION_PERIOD.name(), periodEndsAt != null);
    variables.put(CriminalJusticeProcess.REFLECTION_PERIOD_ENDS_AT.name(), periodEndsAt);
    PlatformStarts.withBusinessKey(change.caseCode(), () -> asPlatform(identity.getObject(), () -> runtime.getObject()
        .createMessageCorrelation(CriminalJusticeProcess.MESSAGE_CONSENT_GIVEN).processInstanceBusinessKey(change.caseCode())
        .setVariables(variables).correlateStartMessage()));
  }

  /**
   * When the case's reflection period ends, if it is still running and the person did not ask for the police now;
   * otherwise null. Read in the consent's own transaction, so the form's answer just given counts.
   */
  private String reflectionPeriodRunningUntil(String caseCode) {
    return asPlatform(identity.getObject(), () -> {
      Map<String, Object> facts = ReflectionPeriods.facts(runtime.getObject(), caseCode,
          NrsCaseProcess.POLICE_DURING_REFLECTION_PERIOD.name());
      return Boolean.TRUE.equals(facts.get(NrsCaseProcess.POLICE_DURING_REFLECTION_PERIOD.name())) ? null
          : ReflectionPeriods.runningUntil(facts);
    });
  }

  private boolean running(String caseCode) {
    return asPlatform(identity.getObject(), () -> runtime.getObject().createProcessInstanceQuery()
        .processDefinitionKey(CriminalJusticeProcess.KEY).processInstanceBusinessKey(caseCode).active().count() > 0);
  }
}
