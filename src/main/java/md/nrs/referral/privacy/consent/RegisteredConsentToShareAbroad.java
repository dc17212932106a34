package md.nrs.referral.privacy.consent;

import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.crossborder.PartnerSharingConsent;
import org.springframework.stereotype.Component;

/**
 * Consent to refer a case to a partner abroad, from the consent registry: consent must have been asked
 * and be in force, by the same rule that lets a notification reach that partner ({@link ConsentPolicy}:
 * share with the partner and inform a partner abroad). Unlike an ordinary notification, a referral abroad
 * is never made at the identification stage, before the person was asked.
 */
@Component
public class RegisteredConsentToShareAbroad implements PartnerSharingConsent {

  private final ConsentRegistry consents;
  private final ConsentPolicy policy;

  public RegisteredConsentToShareAbroad(ConsentRegistry consents, ConsentPolicy policy) {
    this.consents = consents;
    this.policy = policy;
  }

  @Override
  public boolean allowsSharing(String caseCode, String agencyId) {
    return !consents.inForce(caseCode).isEmpty() && policy.mayNotify(caseCode, agencyId).allowed();
  }

  @Override
  public boolean hasAPart(String caseCode, String agencyId) {
    return policy.hasAPart(caseCode, agencyId);
  }
}
