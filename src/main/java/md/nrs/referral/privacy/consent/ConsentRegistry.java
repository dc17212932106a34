package md.nrs.referral.privacy.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.engine.ClientAddress;
import md.nrs.referral.privacy.ConsentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent registry: per case and purpose, given or withdrawn, when and by whom. Each decision is a
 * new row; the latest one is in force, and each is published as a {@link ConsentChanged}. Purposes:
 * {@code assistance}, {@code share-with-agency:<id>},
 * {@code law-enforcement}, {@code partner-abroad}. Every change is audited.
 */
@Component
public class ConsentRegistry {

  public static final String ASSISTANCE = "assistance";
  public static final String LAW_ENFORCEMENT = "law-enforcement";
  public static final String PARTNER_ABROAD = "partner-abroad";
  private static final String SHARE_PREFIX = "share-with-agency:";
  private static final Pattern PURPOSE = Pattern.compile(
      "assistance|law-enforcement|partner-abroad|share-with-agency:[a-z0-9][a-z0-9.-]{0,62}[a-z0-9]");

  private final ConsentRepository consents;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public ConsentRegistry(ConsentRepository consents, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
    this.consents = consents;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  public static String shareWith(String agencyId) {
    return SHARE_PREFIX + agencyId;
  }

  public static boolean isPurpose(String purpose) {
    return purpose != null && PURPOSE.matcher(purpose).matches();
  }

  /** Records a decision in the caller's transaction (or its own); audited once it is committed. */
  @Transactional
  public void record(String caseCode, String purpose, boolean given, String recordedBy, String agency, String source) {
    if (!isPurpose(purpose)) {
      throw new IllegalArgumentException("Unknown consent purpose: " + purpose);
    }
    Instant now = clock.instant();
    boolean before = current(caseCode, purpose).orElse(false);
    consents.save(new ConsentEntity(caseCode, purpose, given, now, recordedBy == null ? "system" : recordedBy, agency, source));
    audit.recordAfterCommit(new AuditEvent(recordedBy, AuditActions.CONSENT_CHANGED, caseCode, purpose, AuditEvent.OK,
        ClientAddress.current(), (given ? "given" : "withdrawn") + " (" + source + ")"));
    // In the same transaction: what a listener starts (the criminal-justice process) stands or falls with the decision.
    events.publishEvent(new ConsentChanged(caseCode, purpose, given, before, agency));
  }

  /** The decision in force: given (true), withdrawn or refused (false), or never asked (empty). */
  @Transactional(readOnly = true)
  public Optional<Boolean> current(String caseCode, String purpose) {
    return consents.findFirstByCaseCodeAndPurposeOrderByIdDesc(caseCode, purpose).map(c -> c.given);
  }

  /** The agency that recorded the person's consent to assistance: the one that met the person. */
  @Transactional(readOnly = true)
  public Optional<String> collectingAgency(String caseCode) {
    return consents.findFirstByCaseCodeAndPurposeOrderByIdDesc(caseCode, ASSISTANCE).map(c -> c.recordedAgency);
  }

  /** Every decision in force for the case, by purpose. */
  @Transactional(readOnly = true)
  public Map<String, Decision> inForce(String caseCode) {
    Map<String, Decision> current = new LinkedHashMap<>();
    for (ConsentEntity c : consents.findByCaseCodeOrderByIdAsc(caseCode)) {
      current.put(c.purpose, new Decision(c.given, c.recordedAt, c.recordedBy, c.recordedAgency, c.source));
    }
    return current;
  }

  @Transactional(readOnly = true)
  public List<ConsentEntity> history(String caseCode) {
    return consents.findByCaseCodeOrderByIdAsc(caseCode);
  }

  /** A decision as shown in the case view. */
  public record Decision(boolean given, Instant recordedAt, String recordedBy, String recordedAgency, String source) {
  }
}
