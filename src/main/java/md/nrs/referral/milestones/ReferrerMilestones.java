package md.nrs.referral.milestones;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.intake.ReferralIntakeRepository;
import md.nrs.referral.privacy.ConsentPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the agency that referred a case how it goes on (issue 15 item 6): accepted with its case code, the
 * identification's result, assistance started, returned, closed. Each milestone once per case, through the
 * outbox (the referrer's channel: a signed webhook, e-mail, external task), and only as the person's consent
 * allows ({@link ConsentPolicy#mayTellReferrer}); a withheld milestone is recorded and audited, never sent later.
 */
@Service
public class ReferrerMilestones {

  private final CaseReferrerRepository referrers;
  private final MilestoneRepository milestones;
  private final ReferralIntakeRepository intakes;
  private final AgencyNotifications notifications;
  private final ConsentPolicy consent;
  private final Agencies agencies;
  private final AuditTrail audit;
  private final Clock clock;

  public ReferrerMilestones(CaseReferrerRepository referrers, MilestoneRepository milestones, ReferralIntakeRepository intakes,
      AgencyNotifications notifications, ConsentPolicy consent, Agencies agencies, AuditTrail audit, Clock clock) {
    this.referrers = referrers;
    this.milestones = milestones;
    this.intakes = intakes;
    this.notifications = notifications;
    this.consent = consent;
    this.agencies = agencies;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records who referred a new case: the intake API's agency if the case came that way, else the one agency of
   * the directory the registering user belongs to. A user of none or of several agencies records no referrer.
   */
  @Transactional
  public Optional<String> recordReferrer(String caseCode, List<String> registeringUsersGroups) {
    if (!isCaseCode(caseCode)) {
      return Optional.empty();
    }
    Optional<CaseReferrer> known = referrers.findById(caseCode);
    if (known.isPresent()) { // a reopened case keeps its first referrer
      return known.map(CaseReferrer::getAgencyId);
    }
    var intake = intakes.findById(caseCode);
    if (intake.isPresent()) {
      referrers.save(new CaseReferrer(caseCode, intake.get().getAgencyId(), CaseReferrer.VIA_INTAKE_API, clock.instant()));
      return Optional.of(intake.get().getAgencyId());
    }
    List<String> own = agencies.activeAmong(registeringUsersGroups);
    if (own.size() != 1) {
      return Optional.empty();
    }
    referrers.save(new CaseReferrer(caseCode, own.get(0), CaseReferrer.VIA_TASKLIST, clock.instant()));
    return Optional.of(own.get(0));
  }

  /** The referrer of a case, if one was recorded. */
  @Transactional(readOnly = true)
  public Optional<String> referrerOf(String caseCode) {
    return isCaseCode(caseCode) ? referrers.findById(caseCode).map(CaseReferrer::getAgencyId) : Optional.empty();
  }

  /** The milestones of a case as recorded, in order. */
  @Transactional(readOnly = true)
  public List<MilestoneRecord> of(String caseCode) {
    return milestones.findByCaseCodeOrderByIdAsc(caseCode);
  }

  /**
   * The case reached a milestone: its referrer is told, if there is one, it has not been told this one yet, and
   * consent allows. In the caller's transaction (the engine step that reached it).
   */
  @Transactional
  public void reached(String caseCode, Milestone milestone, String processInstanceId) {
    if (!isCaseCode(caseCode) || milestones.existsByCaseCodeAndMilestone(caseCode, milestone.step())) {
      return;
    }
    Optional<String> referrer = referrers.findById(caseCode).map(CaseReferrer::getAgencyId);
    if (referrer.isEmpty()) {
      return;
    }
    String agency = referrer.get();
    ConsentPolicy.Decision decision = consent.mayTellReferrer(caseCode, agency);
    String key = decision.allowed()
        ? notifications.notify(new AgencyNotification(agency, caseCode, milestone.step(), milestone.request(), null, processInstanceId))
        : null;
    if (key == null) {
      String reason = decision.allowed() ? "refused by the consent check at the outbox" : decision.reason();
      if (!decision.allowed()) {
        audit.recordAfterCommit(new AuditEvent("system", AuditActions.NOTIFICATION_REFUSED, caseCode,
            agency + " " + milestone.step(), AuditEvent.REFUSED, null, reason));
      }
      milestones.save(new MilestoneRecord(caseCode, milestone, agency, MilestoneRecord.WITHHELD, null, reason, clock.instant()));
      return;
    }
    milestones.save(new MilestoneRecord(caseCode, milestone, agency, MilestoneRecord.SENT, key, null, clock.instant()));
  }

  private static boolean isCaseCode(String caseCode) {
    return caseCode != null && caseCode.length() <= 32 && CaseCodes.FORMAT.matcher(caseCode).matches();
  }
}
