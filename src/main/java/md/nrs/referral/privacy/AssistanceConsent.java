package md.nrs.referral.privacy;

import md.nrs.referral.privacy.consent.ConsentRegistry;
import org.springframework.stereotype.Component;

/**
 * The port through which another feature records that the person withdrew consent to assistance (an approved
 * case exit for that reason), so that nothing more is shared or shown: {@link ConsentPolicy} reads it.
 */
@Component
public class AssistanceConsent {

  private final ConsentRegistry consents;

  public AssistanceConsent(ConsentRegistry consents) {
    this.consents = consents;
  }

  public void withdraw(String caseCode, String recordedBy, String agency, String source) {
    consents.record(caseCode, ConsentRegistry.ASSISTANCE, false, recordedBy, agency, source);
  }
}
