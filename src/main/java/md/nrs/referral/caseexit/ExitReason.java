package md.nrs.referral.caseexit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a case may end before its closure, as proposals name them (wire name) and as the "case ended" notice
 * tells the agencies (never more than the case code and this text). What each does is in case-exit-policy.dmn.
 */
public enum ExitReason {
  NOT_A_VICTIM("not-a-victim", "after identification the person is not a victim of trafficking"),
  LOST_CONTACT("lost-contact", "contact with the person was lost after repeated documented attempts"),
  DECEASED("deceased", "the person died"),
  RE_TRAFFICKED("re-trafficked", "the person was trafficked again"),
  MOVED_ABROAD("moved-abroad", "the person moved abroad"),
  REFUSES_ASSISTANCE("refuses-assistance", "the person refuses further assistance (consent to what was already "
      + "shared stays as recorded)"),
  TRANSFERRED_TO_ANOTHER_NRS("transferred-to-another-nrs", "the case was transferred to another country's national "
      + "referral mechanism"),
  CONSENT_WITHDRAWN("consent-withdrawn", "the person withdrew consent: share nothing more");

  /** The wire names, for the form contract's choice list. */
  public static final String[] WIRE_NAMES = Arrays.stream(values()).map(ExitReason::wireName).toArray(String[]::new);

  private final String wireName;
  private final String told;

  ExitReason(String wireName, String told) {
    this.wireName = wireName;
    this.told = told;
  }

  public String wireName() {
    return wireName;
  }

  /** What the agencies are told in the "case ended" notice. */
  public String told() {
    return told;
  }

  public static Optional<ExitReason> of(String wireName) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
  }
}
