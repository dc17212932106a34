package md.nrs.referral.testing;

import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.InformedConsentForm;

/**
 * The informed-consent form ({@link InformedConsentForm}) as case tests fill it in: the person informed,
 * consent to assistance given with the agencies it may be shared with, or refused with a reason. Its
 * fifteen fields would otherwise be spelt out positionally in a dozen tests.
 */
public final class InformedConsent {

  private final String consentToAssistance;
  private final List<String> shareWithAgencies;
  private final String refusalReason;
  private boolean informationGiven = true;
  private boolean informLawEnforcement;
  private boolean informPartnerAbroad;
  private Boolean policeDuringReflectionPeriod;
  private String personGivenName;
  private String personFamilyName;
  private String consentGivenBy;
  private String childViews;

  private InformedConsent(String consentToAssistance, List<String> shareWithAgencies, String refusalReason) {
    this.consentToAssistance = consentToAssistance;
    this.shareWithAgencies = shareWithAgencies;
    this.refusalReason = refusalReason;
  }

  public static InformedConsent given(List<String> shareWithAgencies) {
    return new InformedConsent("given", List.copyOf(shareWithAgencies), null);
  }

  public static InformedConsent given(String... shareWithAgencies) {
    return given(List.of(shareWithAgencies));
  }

  public static InformedConsent refused(String reason) {
    return new InformedConsent("refused", null, reason);
  }

  public InformedConsent informingLawEnforcement() {
    informLawEnforcement = true;
    return this;
  }

  /** The person asks that the police be told now, during the recovery and reflection period. */
  public InformedConsent policeNow() {
    policeDuringReflectionPeriod = true;
    return this;
  }

  public InformedConsent informingPartnerAbroad() {
    informPartnerAbroad = true;
    return this;
  }

  /** The caseworker did not tick "informed of their rights": the form must refuse it. */
  public InformedConsent withoutInformingThePerson() {
    informationGiven = false;
    return this;
  }

  /** The person's name, personal data bound for the vault. */
  public InformedConsent person(String givenName, String familyName) {
    personGivenName = givenName;
    personFamilyName = familyName;
    return this;
  }

  /** A child's consent: given by the legal representative (or the guardianship authority), the child's views recorded. */
  public InformedConsent forAChild(String givenBy, String views) {
    consentGivenBy = givenBy;
    childViews = views;
    return this;
  }

  public InformedConsentForm form() {
    return new InformedConsentForm(informationGiven, consentToAssistance, shareWithAgencies, informLawEnforcement,
        informPartnerAbroad, refusalReason, personGivenName, personFamilyName, null, null, null, null, null, null, null,
        null, consentGivenBy, childViews, policeDuringReflectionPeriod);
  }

  public Map<String, Object> submission() {
    return FormSubmission.of(form());
  }
}
