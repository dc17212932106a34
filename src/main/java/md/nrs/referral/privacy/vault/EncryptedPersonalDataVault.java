package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataAccessRefused;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.PossibleDuplicates;
import md.nrs.referral.privacy.RepresentativeRecord;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.ClientAddress;
import md.nrs.referral.identity.DirectoryProperties;
import md.nrs.referral.identity.NrsRole;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vault in nrs_person, each value sealed by {@link FieldCipher}; reads decided by {@link ConsentPolicy}; every
 * store keeps the {@link BlindIndex} in step and announces {@link PossibleDuplicates}.
 */
@Component
public class EncryptedPersonalDataVault implements PersonalDataVault {

  /** Roles that never see personal data, whatever else they are a member of. */
  public static final List<String> NEVER_SEE_PERSONAL_DATA = List.of(NrsRole.MANAGERS.groupId(),
      NrsRole.POLICY_STAFF.groupId(), "permanent-secretariat", NrsRole.AUDITORS.groupId(), NrsRole.OPERATORS.groupId(),
      NrsRole.ADMINISTRATORS.groupId());

  private static final String REPRESENTATIVE = "representative";

  private final PersonRepository persons;
  private final FieldCipher cipher;
  private final ConsentPolicy policy;
  private final AuditTrail audit;
  private final Validator validator;
  private final Set<String> agencies;
  private final Clock clock;
  private final BlindIndex index;
  private final ApplicationEventPublisher events;
  private final RepresentativeRepository representatives;

  public EncryptedPersonalDataVault(PersonRepository persons, FieldCipher cipher, ConsentPolicy policy, AuditTrail audit,
      Validator validator, DirectoryProperties directory, Clock clock, BlindIndex index, ApplicationEventPublisher events,
      RepresentativeRepository representatives) {
    this.persons = persons;
    this.representatives = representatives;
    this.index = index;
    this.events = events;
    this.cipher = cipher;
    this.policy = policy;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
    this.agencies = java.util.stream.Stream.concat(directory.agencies().stream(), directory.teams().stream())
        .map(DirectoryProperties.Unit::id).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  @Transactional
  public void store(String caseCode, PersonRecord person, String recordedBy, String agency) {
    check(person, "personal data");
    Instant now = clock.instant();
    PersonEntity entity = persons.findByCaseCode(caseCode).orElseGet(() -> new PersonEntity(caseCode, now));
    entity.seal(person, cipher);
    entity.recorded(recordedBy, agency, now);
    entity.anonymisedAt = null;
    persons.save(entity);
    // the blind index follows the record; a match is only a question for a coordinator (PossibleDuplicates)
    Map<String, Set<String>> matches = index.index(caseCode, person);
    if (!matches.isEmpty()) {
      events.publishEvent(new PossibleDuplicates(caseCode, matches));
    }
    audit.recordAfterCommit(new AuditEvent(recordedBy, AuditActions.PERSONAL_DATA_WRITE, caseCode, "person",
        AuditEvent.OK, ClientAddress.current(), agency == null ? null : "recorded by " + agency));
  }

  /*
   * The reads below hold no transaction of their own: each is audited by AuditTrail#record, which appends in a
   * transaction (and a pooled connection) of its own, and a read that still held its connection then needed two at
   * once — as many case views in flight as the pool has connections waited for one another until the pool's time-out.
   * Each repository call runs in its own short transaction instead; the record is read once, so nothing is lost.
   */

  @Override
  public Optional<PersonRecord> read(String caseCode, Caller reader) {
    ConsentPolicy.Decision decision = allowedOrRefused(mayRead(caseCode, reader), caseCode, reader, "person");
    Optional<PersonEntity> entity = persons.findByCaseCode(caseCode).filter(p -> p.anonymisedAt == null);
    auditRead(decision, caseCode, reader, "person", entity.isPresent());
    return entity.map(p -> p.open(cipher));
  }

  @Override
  @Transactional
  public void storeRepresentative(String caseCode, RepresentativeRecord representative, String recordedBy, String agency) {
    check(representative, "representative");
    Instant now = clock.instant();
    RepresentativeEntity entity = representatives.findByCaseCode(caseCode)
        .orElseGet(() -> new RepresentativeEntity(caseCode, now));
    entity.seal(representative, cipher);
    entity.recorded(recordedBy, agency, now);
    representatives.save(entity);
    audit.recordAfterCommit(new AuditEvent(recordedBy, AuditActions.PERSONAL_DATA_WRITE, caseCode, REPRESENTATIVE,
        AuditEvent.OK, ClientAddress.current(), agency == null ? null : "recorded by " + agency));
  }

  @Override
  public Optional<RepresentativeRecord> readRepresentative(String caseCode, Caller reader) {
    ConsentPolicy.Decision decision = allowedOrRefused(mayReadRepresentative(caseCode, reader), caseCode, reader,
        REPRESENTATIVE);
    Optional<RepresentativeEntity> entity = representatives.findByCaseCode(caseCode);
    auditRead(decision, caseCode, reader, REPRESENTATIVE, entity.isPresent());
    return entity.map(r -> r.open(cipher));
  }

  /** The decision when it allows the read; otherwise the refusal audited and thrown. */
  private ConsentPolicy.Decision allowedOrRefused(ConsentPolicy.Decision decision, String caseCode, Caller reader,
      String subject) {
    if (!decision.allowed()) {
      audit.record(new AuditEvent(reader.userId(), AuditActions.PERSONAL_DATA_READ, caseCode, subject,
          AuditEvent.REFUSED, reader.clientAddress(), decision.reason()));
      throw new PersonalDataAccessRefused(decision.reason());
    }
    return decision;
  }

  private void auditRead(ConsentPolicy.Decision decision, String caseCode, Caller reader, String subject, boolean found) {
    audit.record(new AuditEvent(reader.userId(), AuditActions.PERSONAL_DATA_READ, caseCode, subject, AuditEvent.OK,
        reader.clientAddress(), decision.reason() + (found ? "" : "; nothing recorded")));
  }

  /** Refuses a record with invalid values, naming the fields (never their values). */
  private <T> void check(T record, String what) {
    Set<ConstraintViolation<T>> violations = validator.validate(record);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("Invalid " + what + ": " + violations.stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
    }
  }

  /** NRS coordinators have the legal duty to know a child's representative; agencies as {@link ConsentPolicy} says. */
  ConsentPolicy.Decision mayReadRepresentative(String caseCode, Caller reader) {
    if (reader.userId() != null && reader.in(NrsRole.NRS_COORDINATORS.groupId())
        && NEVER_SEE_PERSONAL_DATA.stream().noneMatch(reader::in)) {
      return new ConsentPolicy.Decision(true, "legal duty: NRS coordinator");
    }
    return decide(caseCode, reader, policy::mayReadRepresentative);
  }

  @Override
  public Optional<java.time.LocalDate> eighteenthBirthday(String caseCode, String purpose) {
    Optional<java.time.LocalDate> birthday = persons.findByCaseCode(caseCode).filter(p -> p.anonymisedAt == null)
        .map(p -> p.open(cipher).dateOfBirth()).map(born -> born.plusYears(18));
    // read by the platform for a step it is running (the engine's transaction): recorded with that transaction, not
    // in one of its own beside it (a second connection); a step that rolls back runs again and is audited then
    audit.recordAfterCommit(new AuditEvent("platform", AuditActions.PERSONAL_DATA_READ, caseCode, "person", AuditEvent.OK,
        null, purpose + (birthday.isPresent() ? "" : "; no date of birth recorded")));
    return birthday;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean holds(String caseCode) {
    return persons.findByCaseCode(caseCode).filter(p -> p.anonymisedAt == null).isPresent();
  }

  @Override
  @Transactional
  public void checkForDuplicatesAgain(String caseCode) {
    Map<String, Set<String>> matches = index.matchesOf(caseCode);
    if (!matches.isEmpty()) {
      events.publishEvent(new PossibleDuplicates(caseCode, matches));
    }
  }

  @Override
  @Transactional(readOnly = true)
  public boolean anonymised(String caseCode) {
    return persons.findByCaseCode(caseCode).filter(p -> p.anonymisedAt != null).isPresent();
  }

  /** The first of the reader's agencies that may read, or the reason none may. */
  ConsentPolicy.Decision mayRead(String caseCode, Caller reader) {
    return decide(caseCode, reader, policy::mayRead);
  }

  private ConsentPolicy.Decision decide(String caseCode, Caller reader,
      java.util.function.BiFunction<String, String, ConsentPolicy.Decision> rule) {
    if (reader.userId() == null) {
      return new ConsentPolicy.Decision(false, "not authenticated");
    }
    for (String role : NEVER_SEE_PERSONAL_DATA) {
      if (reader.in(role)) {
        return new ConsentPolicy.Decision(false, "the role " + role + " never sees personal data");
      }
    }
    List<String> own = reader.groups().stream().filter(agencies::contains).sorted().toList();
    if (own.isEmpty()) {
      return new ConsentPolicy.Decision(false, "the reader belongs to no agency or team");
    }
    ConsentPolicy.Decision last = null;
    for (String agency : own) {
      last = rule.apply(caseCode, agency);
      if (last.allowed()) {
        return new ConsentPolicy.Decision(true, "as " + agency + ": " + last.reason());
      }
    }
    return last;
  }
}
