package md.nrs.referral.crossborder;

/**
 * Whether the person of a case has consented to their case being shared with an agency. A port, so the
 * consent registry can replace the reading of the case's informed-consent answers without touching the
 * process.
 */
public interface PartnerSharingConsent {

  boolean allowsSharing(String caseCode, String agencyId);

  /**
   * Whether the agency has a part in the case (a task on it, or the person's consent to share it with the agency):
   * who may ask a partner abroad to assist. An unknown code answers no.
   */
  boolean hasAPart(String caseCode, String agencyId);
}
