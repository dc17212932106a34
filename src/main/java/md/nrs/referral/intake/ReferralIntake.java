package md.nrs.referral.intake;

import md.nrs.referral.casefile.PlatformStarts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens one NRS case per referral, however often and however concurrently the source sends it.
 *
 * <p>One transaction does three things in this order: insert the intake row (agency, source
 * reference) and flush it, hand the personal data to {@link ReferralPersonalData}, start the case
 * process (the engine joins the same Spring transaction). The unique key on (agency, source reference)
 * is hit by the insert, before the engine has done anything, so the loser of a race never starts a
 * process instance: its insert fails (or, on PostgreSQL, waits for the winner and then fails), its
 * transaction rolls back, and it reads the winner's row in a fresh transaction. A winner that rolls
 * back (a refused person, an engine error) leaves no row, so the next attempt starts afresh.
 */
@Service
public class ReferralIntake {

  private static final int ATTEMPTS = 10;

  private final ReferralIntakeRepository intakes;
  private final ReferralPersonalData personalData;
  private final RuntimeService runtime;
  private final CaseCodes caseCodes;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ObjectMapper canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  public ReferralIntake(ReferralIntakeRepository intakes, ReferralPersonalData personalData, RuntimeService runtime,
      CaseCodes caseCodes, PlatformTransactionManager transactions, Clock clock) {
    this.intakes = intakes;
    this.personalData = personalData;
    this.runtime = runtime;
    this.caseCodes = caseCodes;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** What became of a referral: a new case, the case it already opened, or a clash with another referral. */
  public enum Outcome { CREATED, ALREADY_RECEIVED, DIFFERENT_REFERRAL }

  public record Receipt(Outcome outcome, String caseCode, String sourceReference, String agencyId) {
  }

  public Receipt receive(IntakeReferral referral, String agencyId, String userId) {
    String hash = hash(referral);
    RuntimeException lastClash = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<ReferralIntakeRecord> existing = find(agencyId, referral.sourceReference());
      if (existing.isPresent()) {
        ReferralIntakeRecord known = existing.get();
        return new Receipt(known.getRequestHash().equals(hash) ? Outcome.ALREADY_RECEIVED : Outcome.DIFFERENT_REFERRAL,
            known.getCaseCode(), known.getSourceReference(), agencyId);
      }
      try {
        return transaction.execute(status -> open(referral, hash, agencyId, userId));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException clash) {
        // Another request holds or has just taken this reference: read its case on the next round.
        lastClash = clash;
        pause(attempt);
      }
    }
    throw new IllegalStateException("The referral could not be recorded after " + ATTEMPTS + " attempts", lastClash);
  }

  /** The referral this agency sent under this reference, if any. */
  public Optional<ReferralIntakeRecord> find(String agencyId, String sourceReference) {
    return transaction.execute(status -> intakes.findByAgencyIdAndSourceReference(agencyId, sourceReference));
  }

  private Receipt open(IntakeReferral referral, String hash, String agencyId, String userId) {
    String caseCode = caseCodes.next();
    // Flushed now: the unique key decides here, before the engine starts anything.
    intakes.saveAndFlush(new ReferralIntakeRecord(caseCode, agencyId, referral.sourceReference(), hash, userId,
        clock.instant()));
    if (referral.person() != null) {
      personalData.keep(caseCode, referral.person(), agencyId, userId);
    }
    // The case code is the business key; AssignCaseCode keeps a well-formed one it is given.
    PlatformStarts.withBusinessKey(caseCode,
        () -> runtime.startProcessInstanceByKey(NrsCaseProcess.KEY, caseCode, referral.caseVariables()));
    return new Receipt(Outcome.CREATED, caseCode, referral.sourceReference(), agencyId);
  }

  /** A digest of the case facts and of whether a person came with them; never of the personal data. */
  private String hash(IntakeReferral referral) {
    try {
      String facts = canonical.writeValueAsString(new java.util.TreeMap<>(referral.caseVariables()));
      String text = facts + "|person:" + (referral.person() != null);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot digest the referral", e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a concurrent referral", e);
    }
  }
}
