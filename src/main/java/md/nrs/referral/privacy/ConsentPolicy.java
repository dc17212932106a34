package md.nrs.referral.privacy;

import md.nrs.referral.privacy.consent.ConsentRegistry;
import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the person's consent allows the platform to share their case with an agency (a notification)
 * or to show an agency their personal data (a vault read). One place, so both always agree:
 * <ol>
 * <li>consent to assistance withdrawn: nothing is shared;</li>
 * <li>the agency that recorded the person's consent (it met the person) shares nothing by working the
 * case itself;</li>
 * <li>otherwise {@code share-with-agency:<id>} must be given — and for law-enforcement agencies also
 * {@code law-enforcement}, for partners abroad also {@code partner-abroad};</li>
 * <li>before consent has been asked at all (referral and identification), the NRS acts on its
 * identification mandate: only notifications may go out, never personal data.</li>
 * </ol>
 * Notifications with a legal duty behind them (child protection) are decided by {@link ConsentCheckedNotifications}.
 */
@Component
public class ConsentPolicy {

  /** The directory's service of the guardianship authorities. */
  private static final String GUARDIANSHIP = "guardianship";

  private final ConsentRegistry consents;
  private final PrivacyProperties properties;
  private final ObjectProvider<HistoryService> history;
  private final ObjectProvider<IdentityService> identity;
  private final ObjectProvider<Agencies> directory;

  public ConsentPolicy(ConsentRegistry consents, PrivacyProperties properties, ObjectProvider<HistoryService> history,
      ObjectProvider<IdentityService> identity, ObjectProvider<Agencies> directory) {
    this.directory = directory;
    this.consents = consents;
    this.properties = properties;
    this.history = history;
    this.identity = identity;
  }

  /** May the case be shared with this agency (a notification)? */
  public Decision mayNotify(String caseCode, String agency) {
    Map<String, ConsentRegistry.Decision> inForce = consents.inForce(caseCode);
    if (inForce.isEmpty()) {
      return Decision.allow("identification stage: consent not yet asked (NRS identification mandate)");
    }
    return byConsent(caseCode, agency, inForce);
  }

  /**
   * May the agency that referred the case be told one of its milestones? As {@link #mayNotify}, except that an
   * agency the directory names a consent purpose for (a partner abroad, law enforcement) hears nothing before the
   * person has given that consent: the identification mandate covers the NRS's own agencies, not sharing abroad.
   */
  public Decision mayTellReferrer(String caseCode, String agency) {
    Optional<String> purpose = Optional.ofNullable(directory.getIfAvailable()).flatMap(a -> a.consentPurposeOf(agency));
    Map<String, ConsentRegistry.Decision> inForce = consents.inForce(caseCode);
    if (purpose.isPresent() && !given(inForce, purpose.get())) {
      return Decision.refuse("no consent for " + purpose.get() + ", which the directory requires for " + agency);
    }
    return mayNotify(caseCode, agency);
  }

  /**
   * Has this agency a part in the case: a task of the case's process tree was (or is) its own, or the person's
   * recorded consent lets the case be shared with it? The question a request about a case asks first; an unknown
   * code answers no, like a case of others, so that the answer tells nothing about which codes exist.
   */
  public boolean hasAPart(String caseCode, String agency) {
    if (hadTask(caseCode, agency)) {
      return true;
    }
    Map<String, ConsentRegistry.Decision> inForce = consents.inForce(caseCode);
    return !inForce.isEmpty() && byConsent(caseCode, agency, inForce).allowed();
  }

  /**
   * May a provider asked to take a service be told the case's needs (the planned services, whether a shelter is
   * needed, the team's summary of the plan)? Only with the person's recorded consent to share with it: under the
   * identification mandate alone, or without that consent, a provider learns the kind of service and nothing more.
   */
  public Decision mayTellNeeds(String caseCode, String agency) {
    Map<String, ConsentRegistry.Decision> inForce = consents.inForce(caseCode);
    if (inForce.isEmpty()) {
      return Decision.refuse("the person's consent has not been recorded yet");
    }
    return byConsent(caseCode, agency, inForce);
  }

  /** May staff of this agency read the person's data? Needs a task of the agency on the case, and consent. */
  public Decision mayRead(String caseCode, String agency) {
    if (!hadTask(caseCode, agency)) {
      return Decision.refuse("agency " + agency + " has no task on the case");
    }
    Map<String, ConsentRegistry.Decision> inForce = consents.inForce(caseCode);
    if (inForce.isEmpty()) {
      return Decision.refuse("the person's consent has not been recorded yet");
    }
    return byConsent(caseCode, agency, inForce);
  }

  /**
   * May staff of this agency read the child's legal representative? The guardianship authority of the child's case
   * (a task on it) has the legal duty to know them (Law 140/2013, GD 270/2014) before any consent; anyone else as for
   * the person ({@link #mayRead}).
   */
  public Decision mayReadRepresentative(String caseCode, String agency) {
    Optional<Agencies> agencies = Optional.ofNullable(directory.getIfAvailable());
    boolean guardianship = agencies.flatMap(a -> a.districtOf(agency).flatMap(d -> a.serving(GUARDIANSHIP, d)))
        .filter(agency::equals).isPresent();
    if (guardianship && hadTask(caseCode, agency)) {
      return Decision.allow("legal duty: the guardianship authority of the child's case");
    }
    return mayRead(caseCode, agency);
  }

  private Decision byConsent(String caseCode, String agency, Map<String, ConsentRegistry.Decision> inForce) {
    ConsentRegistry.Decision assistance = inForce.get(ConsentRegistry.ASSISTANCE);
    if (assistance != null && !assistance.given()) {
      return Decision.refuse("consent to assistance refused or withdrawn");
    }
    if (assistance != null && agency.equals(assistance.recordedAgency())) {
      return Decision.allow("the agency that recorded the person's consent");
    }
    if (!given(inForce, ConsentRegistry.shareWith(agency))) {
      return Decision.refuse("no consent to share with " + agency);
    }
    if (properties.lawEnforcementAgencies().contains(agency) && !given(inForce, ConsentRegistry.LAW_ENFORCEMENT)) {
      return Decision.refuse("no consent to inform law enforcement");
    }
    if (properties.partnersAbroad().contains(agency) && !given(inForce, ConsentRegistry.PARTNER_ABROAD)) {
      return Decision.refuse("no consent to inform a partner abroad");
    }
    Optional<String> purpose = Optional.ofNullable(directory.getIfAvailable()).flatMap(a -> a.consentPurposeOf(agency));
    if (purpose.isPresent() && !given(inForce, purpose.get())) {
      return Decision.refuse("no consent for " + purpose.get() + ", which the directory requires for " + agency);
    }
    return Decision.allow("consent to share with " + agency);
  }

  private static boolean given(Map<String, ConsentRegistry.Decision> inForce, String purpose) {
    return Optional.ofNullable(inForce.get(purpose)).map(ConsentRegistry.Decision::given).orElse(false);
  }

  /**
   * A task of the case's own process tree (open or done) had the agency as candidate group: the nrs-case
   * instances with this code and the processes they called. Another process carrying the code as business
   * key (a call record, a request about the case) does not count.
   */
  public boolean hadTask(String caseCode, String agency) {
    HistoryService engineHistory = history.getObject();
    return asPlatform(identity.getObject(), () -> engineHistory.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).list().stream()
        .anyMatch(nrsCase -> hadTaskInTree(engineHistory, nrsCase, agency)));
  }

  private static boolean hadTaskInTree(HistoryService history, HistoricProcessInstance nrsCase, String agency) {
    if (nrsCase.getSuperProcessInstanceId() == null) { // the usual case: its tree is everything under its root
      return history.createHistoricTaskInstanceQuery().rootProcessInstanceId(nrsCase.getId())
          .taskHadCandidateGroup(agency).count() > 0;
    }
    Deque<String> open = new ArrayDeque<>(List.of(nrsCase.getId()));
    while (!open.isEmpty()) {
      String instance = open.pop();
      if (history.createHistoricTaskInstanceQuery().processInstanceId(instance).taskHadCandidateGroup(agency).count() > 0) {
        return true;
      }
      history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance).list()
          .forEach(called -> open.push(called.getId()));
    }
    return false;
  }

  /** Allowed or not, and why (a legal basis, a consent, or the reason for refusing). Never personal data. */
  public record Decision(boolean allowed, String reason) {

    static Decision allow(String basis) {
      return new Decision(true, basis);
    }

    static Decision refuse(String reason) {
      return new Decision(false, reason);
    }
  }
}
