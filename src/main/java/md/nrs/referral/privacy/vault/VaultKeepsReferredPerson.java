package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.intake.IntakePerson;
import md.nrs.referral.intake.PersonalDataNotAccepted;
import md.nrs.referral.intake.ReferralPersonalData;
import org.springframework.stereotype.Component;

/** The person sent with a referral over the intake API is sealed in the vault, in the intake's transaction. */
@Component
public class VaultKeepsReferredPerson implements ReferralPersonalData {

  private final PersonalDataVault vault;

  public VaultKeepsReferredPerson(PersonalDataVault vault) {
    this.vault = vault;
  }

  @Override
  public void keep(String caseCode, IntakePerson person, String agencyId, String userId) {
    PersonRecord record = new PersonRecord(person.givenName(), person.familyName(), person.dateOfBirth(), null,
        person.phone(), person.email(), person.address(), person.documentType(), person.documentNumber(),
        person.familyContact());
    if (record.isEmpty()) {
      return;
    }
    try {
      vault.store(caseCode, record, userId, agencyId);
    } catch (IllegalArgumentException invalid) {
      // the vault names the fields, never their values
      throw new PersonalDataNotAccepted(invalid.getMessage());
    }
  }
}
