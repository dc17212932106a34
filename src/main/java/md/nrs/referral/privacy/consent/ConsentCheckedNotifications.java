package md.nrs.referral.privacy.consent;

import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.privacy.PrivacyProperties;
import md.nrs.referral.agencies.AgencyNotificationOutbox;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.agencies.DeliveryConsent;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Every notification to an agency passes here before the outbox: it goes out only with the person's
 * consent ({@link ConsentPolicy}) or a legal basis configured for its step
 * ({@code nrs.privacy.legal-duties}: the child-protection alerts to the guardianship authority, the
 * stop-work notice after a withdrawal) or to an internal NRS role. A refused notification is not
 * written; the refusal is audited and {@code notify} returns null. Sent ones are audited with their basis.
 * The check is made again before each delivery attempt ({@link DeliveryConsent}).
 */
@Primary
@Component
public class ConsentCheckedNotifications implements AgencyNotifications, DeliveryConsent {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentCheckedNotifications.class);

  private final AgencyNotificationOutbox outbox;
  private final ConsentPolicy policy;
  private final PrivacyProperties properties;
  private final AuditTrail audit;

  public ConsentCheckedNotifications(AgencyNotificationOutbox outbox, ConsentPolicy policy,
      PrivacyProperties properties, AuditTrail audit) {
    this.outbox = outbox;
    this.policy = policy;
    this.properties = properties;
    this.audit = audit;
  }

  @Override
  public String notify(AgencyNotification notification) {
    ConsentPolicy.Decision decision = decide(notification);
    String subject = notification.agencyId() + " " + notification.step();
    if (!decision.allowed()) {
      // In a transaction of its own: the refusal stays recorded whatever the caller's transaction does.
      audit.record(new AuditEvent("system", AuditActions.NOTIFICATION_REFUSED, notification.caseCode(), subject,
          AuditEvent.REFUSED, null, decision.reason()));
      LOG.warn("Notification to {} about case {} ({}) not sent: {}", notification.agencyId(), notification.caseCode(),
          notification.step(), decision.reason());
      return null;
    }
    String key = outbox.notify(notification);
    audit.recordAfterCommit(new AuditEvent("system", AuditActions.NOTIFICATION_SENT, notification.caseCode(), subject,
        AuditEvent.OK, null, "basis: " + decision.reason()));
    return key;
  }

  /**
   * As {@link #notify} for each, with the refusals audited together at once and the notices sent audited together
   * after commit (one append to the audit chain each instead of one per notification).
   */
  @Override
  public List<String> notifyAll(List<AgencyNotification> notifications) {
    List<AuditEvent> refused = new ArrayList<>();
    List<AgencyNotification> allowed = new ArrayList<>();
    List<AuditEvent> sent = new ArrayList<>();
    List<Integer> allowedAt = new ArrayList<>();
    for (int i = 0; i < notifications.size(); i++) {
      AgencyNotification notification = notifications.get(i);
      ConsentPolicy.Decision decision = decide(notification);
      String subject = notification.agencyId() + " " + notification.step();
      if (decision.allowed()) {
        allowed.add(notification);
        allowedAt.add(i);
        sent.add(new AuditEvent("system", AuditActions.NOTIFICATION_SENT, notification.caseCode(), subject, AuditEvent.OK,
            null, "basis: " + decision.reason()));
      } else {
        refused.add(new AuditEvent("system", AuditActions.NOTIFICATION_REFUSED, notification.caseCode(), subject,
            AuditEvent.REFUSED, null, decision.reason()));
        LOG.warn("Notification to {} about case {} ({}) not sent: {}", notification.agencyId(), notification.caseCode(),
            notification.step(), decision.reason());
      }
    }
    audit.recordAll(refused); // in a transaction of its own, as for one
    List<String> keys = new ArrayList<>(java.util.Collections.nCopies(notifications.size(), (String) null));
    List<String> written = outbox.notifyAll(allowed);
    for (int i = 0; i < written.size(); i++) {
      keys.set(allowedAt.get(i), written.get(i));
    }
    audit.recordAllAfterCommit(sent);
    return keys;
  }

  /** Checked again at each delivery attempt: a consent withdrawn meanwhile stops the delivery. */
  @Override
  public boolean mayDeliver(String caseCode, String agencyId, String step) {
    ConsentPolicy.Decision decision = decide(new AgencyNotification(agencyId, caseCode, step, "-", null, null));
    if (!decision.allowed()) {
      audit.record(new AuditEvent("system", AuditActions.NOTIFICATION_REFUSED, caseCode, agencyId + " " + step,
          AuditEvent.REFUSED, null, "at delivery: " + decision.reason()));
    }
    return decision.allowed();
  }

  private ConsentPolicy.Decision decide(AgencyNotification notification) {
    var legalBasis = properties.legalBasis(notification.step(), notification.agencyId());
    if (legalBasis.isPresent()) {
      return new ConsentPolicy.Decision(true, "legal basis: " + legalBasis.get());
    }
    if (properties.internalRecipients().contains(notification.agencyId())) {
      return new ConsentPolicy.Decision(true, "internal NRS coordination");
    }
    return policy.mayNotify(notification.caseCode(), notification.agencyId());
  }
}
