package md.nrs.referral.privacy.vault;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.privacy.RepresentativeRecord;

/** A row of nrs_representative: name and contact sealed (see {@link FieldCipher}); the case code in clear. */
@Entity
@Table(name = "nrs_representative")
public class RepresentativeEntity extends SealedRow {

  String name;
  String contact;

  protected RepresentativeEntity() {
  }

  RepresentativeEntity(String caseCode, Instant now) {
    super(caseCode, now);
  }

  void seal(RepresentativeRecord representative, FieldCipher cipher) {
    keyId = cipher.activeKeyId();
    name = cipher.seal(representative.name(), caseCode, "representative_name");
    contact = cipher.seal(representative.contact(), caseCode, "representative_contact");
  }

  RepresentativeRecord open(FieldCipher cipher) {
    return new RepresentativeRecord(cipher.open(name, keyId, caseCode, "representative_name"),
        cipher.open(contact, keyId, caseCode, "representative_contact"));
  }
}
