package md.nrs.referral.intake;

/**
 * Where the personal data sent with a referral goes: the encrypted personal-data store, keyed by the
 * case code (DESIGN.md §6). Called inside the intake's transaction, so a refusal or a failure leaves
 * neither the case nor the intake record behind.
 */
public interface ReferralPersonalData {

  /**
   * Keeps the person's data for the case, recorded as given by {@code userId} of {@code agencyId}.
   *
   * @throws PersonalDataNotAccepted when personal data cannot be kept (nothing of the referral remains)
   */
  void keep(String caseCode, IntakePerson person, String agencyId, String userId);
}
