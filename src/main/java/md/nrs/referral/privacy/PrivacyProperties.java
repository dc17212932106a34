package md.nrs.referral.privacy;

import md.nrs.referral.privacy.vault.KeyRingSetting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the personal-data vault and consent checks ({@code nrs.privacy.*}).
 *
 * @param activeKey id of the key new values are sealed with
 * @param keys the keys as one text, {@code id:base64[,id2:base64]}, each Base64 of 16, 24 or 32 bytes
 *     (environment NRS_PRIVACY_KEYS; see {@link KeyRingSetting})
 * @param anonymiseAfter how long after a case has ended its personal data is kept
 * @param lawEnforcementAgencies agencies that also need the person's consent to inform law enforcement
 * @param partnersAbroad agencies abroad that also need the consent to inform a partner abroad
 * @param legalDuties notifications sent without consent (a step, to an agency or to any), with their legal basis
 * @param internalRecipients roles of the NRS itself, notified without a separate consent
 */
@ConfigurationProperties("nrs.privacy")
public record PrivacyProperties(String activeKey, String keys, Duration anonymiseAfter,
    String anonymiseCron, List<String> lawEnforcementAgencies, List<String> partnersAbroad,
    List<LegalDuty> legalDuties, List<String> internalRecipients) {

  public PrivacyProperties {
    anonymiseAfter = anonymiseAfter == null ? Duration.ofDays(1095) : anonymiseAfter;
    lawEnforcementAgencies = lawEnforcementAgencies == null ? List.of() : lawEnforcementAgencies;
    partnersAbroad = partnersAbroad == null ? List.of() : partnersAbroad;
    legalDuties = legalDuties == null ? List.of() : legalDuties;
    internalRecipients = internalRecipients == null ? List.of() : internalRecipients;
  }

  /** A notification the law requires whatever the person decides: its step, its recipient (null: any), the basis. */
  public record LegalDuty(String step, String agency, String basis) {

    boolean covers(String step, String agency) {
      return this.step.equals(step) && (this.agency == null || this.agency.equals(agency));
    }
  }

  /** The legal basis for sending this step's notification to this agency without consent, if any. */
  public java.util.Optional<String> legalBasis(String step, String agency) {
    return legalDuties.stream().filter(d -> d.covers(step, agency)).map(LegalDuty::basis).findFirst();
  }

  /** Every configured key, by id. */
  public Map<String, String> allKeys() {
    return KeyRingSetting.parse(keys);
  }
}
