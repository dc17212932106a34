package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.FieldCipher;
import java.util.List;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every vault record that is not under the active key, in batches of their own transactions:
 * a record is opened with its own key and sealed again with the active one. Safe while the platform
 * runs (readers use each record's key id) and safe to run again after an interruption.
 */
@Component
public class KeyRotation {

  private static final int BATCH = 100;

  private final PersonRepository persons;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  public KeyRotation(PersonRepository persons, AuditTrail audit, PlatformTransactionManager transactions) {
    this.persons = persons;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Re-seals with the cipher's active key; returns how many records were re-sealed. */
  public int rotate(FieldCipher cipher, String requestedBy) {
    int total = 0;
    while (true) {
      Integer done = transaction.execute(status -> {
        List<PersonEntity> batch = persons.findByKeyIdNotOrderByIdAsc(cipher.activeKeyId(), PageRequest.of(0, BATCH));
        for (PersonEntity person : batch) {
          person.seal(person.open(cipher), cipher);
        }
        persons.saveAll(batch);
        return batch.size();
      });
      if (done == null || done == 0) {
        break;
      }
      total += done;
    }
    audit.record(new AuditEvent(requestedBy, AuditActions.KEY_ROTATION, null, "nrs_person", AuditEvent.OK, null,
        total + " records re-sealed with key " + cipher.activeKeyId()));
    return total;
  }
}
