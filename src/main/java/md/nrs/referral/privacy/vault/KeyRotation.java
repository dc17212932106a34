package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.FieldCipher;
import java.util.List;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every vault record that is not under the active key, in batches of their own transactions:
 * a record is opened with its own key and sealed again with the active one, and its blind-index rows are
 * computed again under the active key. A second pass indexes the records whose index is not under the
 * active key yet (records stored before the index existed, or a run interrupted between the two). Safe
 * while the platform runs (readers use each record's key id; duplicate look-ups try every configured
 * key) and safe to run again after an interruption.
 */
@Component
public class KeyRotation {

  private static final int BATCH = 100;

  private final PersonRepository persons;
  private final RepresentativeRepository representatives;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final BlindIndex index;
  private final JdbcTemplate jdbc;

  public KeyRotation(PersonRepository persons, AuditTrail audit, PlatformTransactionManager transactions, BlindIndex index,
      JdbcTemplate jdbc, RepresentativeRepository representatives) {
    this.persons = persons;
    this.representatives = representatives;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.index = index;
    this.jdbc = jdbc;
  }

  /** Re-seals (and re-indexes) with the cipher's active key; returns how many records were re-sealed. */
  public int rotate(FieldCipher cipher, String requestedBy) {
    int total = 0;
    while (true) {
      Integer done = transaction.execute(status -> {
        List<PersonEntity> batch = persons.findByKeyIdNotOrderByIdAsc(cipher.activeKeyId(), PageRequest.of(0, BATCH));
        for (PersonEntity person : batch) {
          var record = person.open(cipher);
          person.seal(record, cipher);
          index.reindex(cipher.keyRing(), person.caseCode(), record);
        }
        persons.saveAll(batch);
        return batch.size();
      });
      if (done == null || done == 0) {
        break;
      }
      total += done;
    }
    total += resealRepresentatives(cipher);
    int reindexed = reindexRest(cipher);
    audit.record(new AuditEvent(requestedBy, AuditActions.KEY_ROTATION, null, "nrs_person", AuditEvent.OK, null,
        total + " records re-sealed with key " + cipher.activeKeyId() + "; " + reindexed + " more records indexed"));
    return total;
  }

  /** Children's legal representatives, re-sealed the same way (they have no blind index). */
  private int resealRepresentatives(FieldCipher cipher) {
    int total = 0;
    while (true) {
      Integer done = transaction.execute(status -> {
        List<RepresentativeEntity> batch = representatives.findByKeyIdNotOrderByIdAsc(cipher.activeKeyId(),
            PageRequest.of(0, BATCH));
        batch.forEach(representative -> representative.seal(representative.open(cipher), cipher));
        representatives.saveAll(batch);
        return batch.size();
      });
      if (done == null || done == 0) {
        return total;
      }
      total += done;
    }
  }

  /** Indexes, under the active key, every held record that has no index row under it; returns how many. */
  private int reindexRest(FieldCipher cipher) {
    int count = 0;
    long after = 0;
    while (true) {
      long from = after;
      List<Long> ids = jdbc.queryForList("select p.id from nrs_person p where p.id > ? and p.anonymised_at is null "
          + "and not exists (select 1 from nrs_person_index i where i.case_code = p.case_code and i.key_id = ?) "
          + "order by p.id fetch first " + BATCH + " rows only", Long.class, from, cipher.activeKeyId());
      List<Long> page = ids;
      if (page.isEmpty()) {
        return count;
      }
      transaction.executeWithoutResult(status -> persons.findAllById(page).forEach(person ->
          index.reindex(cipher.keyRing(), person.caseCode(), person.open(cipher))));
      count += page.size();
      after = page.get(page.size() - 1);
    }
  }
}
