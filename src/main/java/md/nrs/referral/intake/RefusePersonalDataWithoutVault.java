package md.nrs.referral.intake;

import org.springframework.stereotype.Component;

/**
 * Until the encrypted personal-data vault is wired in, a referral carrying personal data is refused
 * rather than its data kept anywhere else. Replace this bean by an adapter to the vault.
 */
@Component
public class RefusePersonalDataWithoutVault implements ReferralPersonalData {

  static final String MESSAGE = "personal data cannot be accepted until the vault is configured; "
      + "send the referral without 'person' and give the data to the case team directly";

  @Override
  public void keep(String caseCode, IntakePerson person, String agencyId, String userId) {
    throw new PersonalDataNotAccepted(MESSAGE);
  }
}
