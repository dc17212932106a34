package md.nrs.referral.privacy;

import md.nrs.referral.privacy.consent.ConsentRegistry;
import org.springframework.stereotype.Component;

/**
 * The port through which another feature records that the person withdrew consent to assistance (an approved
 * case exit for that reason), or that a reopened case needs its consents confirmed again, so that nothing more is
 * shared or shown: {@link ConsentPolicy} reads it.
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

  /**
   * A reopened case: every consent given for the closed case is set aside until the person confirms it again in
   * the reopened case's informed consent, so nothing recorded before (the vault's person included) is shared or
   * shown on the old consent. Returns the purposes set aside.
   */
  public java.util.List<String> setAsideUntilConfirmedAgain(String caseCode, String recordedBy, String agency) {
    java.util.List<String> given = consents.inForce(caseCode).entrySet().stream().filter(e -> e.getValue().given())
        .map(java.util.Map.Entry::getKey).sorted().toList();
    given.forEach(purpose -> consents.record(caseCode, purpose, false, recordedBy, agency,
        "case reopened: to be confirmed again"));
    return given;
  }
}
